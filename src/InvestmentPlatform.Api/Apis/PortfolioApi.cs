using System.Security.Claims;
using InvestmentPlatform.Analytics;
using InvestmentPlatform.Analytics.Portfolio;
using InvestmentPlatform.Api.Access;
using InvestmentPlatform.Api.Exports;
using InvestmentPlatform.Api.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace InvestmentPlatform.Api.Apis;

public static class PortfolioApi
{
    public static IEndpointRouteBuilder MapPortfolioApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/portfolios").WithTags("Portfolios").AddEndpointFilter<PortfolioOwnerFilter>();
        api.MapGet("/", List);
        api.MapPost("/", Create);
        api.MapGet("/{id:guid}", Get);
        api.MapPut("/{id:guid}", Update);
        api.MapDelete("/{id:guid}", Delete);
        api.MapGet("/{id:guid}/transactions", ListTransactions);
        api.MapPost("/{id:guid}/transactions", AddTransaction);
        api.MapPut("/{id:guid}/transactions/{txId:guid}", UpdateTransaction)
            .WithSummary("Replace a transaction; the body carries the version it read (409 when stale)");
        api.MapDelete("/{id:guid}/transactions/{txId:guid}", DeleteTransaction);
        api.MapPost("/{id:guid}/transactions/import", Import).Accepts<string>("text/csv");
        api.MapGet("/{id:guid}/transactions/export", Export)
            .WithSummary("The transactions in [from, to] as CSV in the import's columns, oldest first, text cells escaped against formula injection")
            .Produces(StatusCodes.Status200OK, null, "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/{id:guid}/holdings", Holdings);
        return app;
    }

    private static async Task<Results<Ok<PagedResult<PortfolioDto>>, ProblemHttpResult>> List(
        PortfolioService portfolios, ClaimsPrincipal user, int? page, int? pageSize, CancellationToken ct)
    {
        var (request, errors) = PageRequest.Parse(page, pageSize);
        if (request is null)
            return ApiProblems.BadRequest(errors!);
        var (items, total) = await portfolios.ListAsync(request.Skip, request.PageSize, user.IsAdmin() ? null : user.UserIdOf(), ct);
        return TypedResults.Ok(PagedResult<PortfolioDto>.Create(items, request, total));
    }

    private static async Task<Results<Created<PortfolioDto>, ProblemHttpResult>> Create(
        PortfolioService portfolios, ClaimsPrincipal user, PortfolioInput input, CancellationToken ct)
    {
        try
        {
            var created = await portfolios.CreateAsync(input, user.UserIdOf(), ct);
            return TypedResults.Created($"/api/portfolios/{created.Id}", created);
        }
        catch (AnalyticsException ex)
        {
            return AnalyticsApi.Problem(ex);
        }
    }

    private static Task<Results<Ok<PortfolioDto>, ProblemHttpResult>> Get(PortfolioService portfolios, Guid id, CancellationToken ct) =>
        AnalyticsApi.Answer(() => portfolios.GetAsync(id, ct));

    private static Task<Results<Ok<PortfolioDto>, ProblemHttpResult>> Update(
        PortfolioService portfolios, Guid id, PortfolioInput input, CancellationToken ct) =>
        AnalyticsApi.Answer(() => portfolios.UpdateAsync(id, input, ct));

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(PortfolioService portfolios, Guid id, CancellationToken ct)
    {
        try
        {
            await portfolios.DeleteAsync(id, ct);
            return TypedResults.NoContent();
        }
        catch (AnalyticsException ex)
        {
            return AnalyticsApi.Problem(ex);
        }
    }

    private static async Task<Results<Ok<PagedResult<TransactionDto>>, ProblemHttpResult>> ListTransactions(
        TransactionService transactions, Guid id, int? page, int? pageSize, CancellationToken ct)
    {
        var (request, errors) = PageRequest.Parse(page, pageSize);
        if (request is null)
            return ApiProblems.BadRequest(errors!);
        try
        {
            var (items, total) = await transactions.ListAsync(id, request.Skip, request.PageSize, ct);
            return TypedResults.Ok(PagedResult<TransactionDto>.Create(items, request, total));
        }
        catch (AnalyticsException ex)
        {
            return AnalyticsApi.Problem(ex);
        }
    }

    private static async Task<Results<Created<TransactionDto>, ProblemHttpResult>> AddTransaction(
        TransactionService transactions, Guid id, TransactionInput input, CancellationToken ct)
    {
        try
        {
            var created = await transactions.AddAsync(id, input, ct);
            return TypedResults.Created($"/api/portfolios/{id}/transactions/{created.Id}", created);
        }
        catch (AnalyticsException ex)
        {
            return AnalyticsApi.Problem(ex);
        }
    }

    private static Task<Results<Ok<TransactionDto>, ProblemHttpResult>> UpdateTransaction(
        TransactionService transactions, Guid id, Guid txId, TransactionInput input, CancellationToken ct) =>
        AnalyticsApi.Answer(() => transactions.UpdateAsync(id, txId, input, ct));

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteTransaction(
        TransactionService transactions, Guid id, Guid txId, CancellationToken ct)
    {
        try
        {
            await transactions.DeleteAsync(id, txId, ct);
            return TypedResults.NoContent();
        }
        catch (AnalyticsException ex)
        {
            return AnalyticsApi.Problem(ex);
        }
    }

    /// <param name="mode">all-or-nothing (default): any bad line stores nothing and every bad line is listed (422);
    /// skip-invalid: the good lines are stored and the bad ones listed.</param>
    private static async Task<Results<Ok<ImportResult>, ProblemHttpResult>> Import(
        TransactionService transactions, Guid id, HttpRequest request, CancellationToken ct, string? mode = null)
    {
        mode ??= ImportModes.AllOrNothing;
        if (!ImportModes.All.Contains(mode))
            return ApiProblems.BadRequest("mode", $"mode must be {string.Join(" or ", ImportModes.All)}.");
        using var reader = new StreamReader(request.Body);
        var csv = await reader.ReadToEndAsync(ct);
        try
        {
            return await AnalyticsApi.Answer(() => transactions.ImportAsync(id, csv, mode, ct));
        }
        catch (ImportRejectedException ex)
        {
            return TypedResults.Problem(title: "The import has invalid lines; nothing was imported",
                statusCode: StatusCodes.Status422UnprocessableEntity, detail: ex.Message,
                extensions: new Dictionary<string, object?>
                {
                    ["errors"] = new Dictionary<string, string[]> { ["body"] = ex.Errors.Select(e => $"Line {e.Line}: {e.Message}").ToArray() },
                    ["lines"] = ex.Errors,
                });
        }
    }

    private static async Task<IResult> Export(
        PortfolioService portfolios, TransactionService transactions, Guid id, string? from, string? to, string? format, CancellationToken ct)
    {
        var errors = QueryTime.ParseRange(from, to, out var fromTime, out var toTime);
        if (format is not (null or "csv"))
            errors["format"] = [$"format '{format}' is not known: transactions export as csv."];
        if (errors.Count > 0)
            return ApiProblems.BadRequest(errors);
        try
        {
            var portfolio = await portfolios.GetAsync(id, ct);
            return new TransactionsCsvResult(transactions.StreamAsync(id, fromTime, toTime), $"{portfolio.Name}-transactions.csv");
        }
        catch (AnalyticsException ex)
        {
            return AnalyticsApi.Problem(ex);
        }
    }

    private static Task<Results<Ok<HoldingsReport>, ProblemHttpResult>> Holdings(
        HoldingsService holdings, Guid id, DateTime? at, CancellationToken ct) =>
        AnalyticsApi.Answer(() => holdings.GetAsync(id, at, ct));
}
