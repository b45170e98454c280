using System.Text.Json;
using InvestmentPlatform.Analytics;
using InvestmentPlatform.Analytics.Compute;
using InvestmentPlatform.Analytics.Performance;
using InvestmentPlatform.Analytics.Portfolio;
using InvestmentPlatform.Analytics.Risk;
using InvestmentPlatform.Api.Access;
using InvestmentPlatform.Api.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace InvestmentPlatform.Api.Apis;

public static class AnalyticsApi
{
    public static IEndpointRouteBuilder MapAnalyticsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/analytics").WithTags("Analytics");
        api.MapGet("/performance", GetPerformance);
        api.MapGet("/risk", GetRisk);
        api.MapGet("/portfolio/{id:guid}", GetPortfolio).AddEndpointFilter<PortfolioOwnerFilter>();
        api.MapPost("/compute", Compute);
        api.MapGet("/results/{id:guid}", GetResult);
        return app;
    }

    private static async Task<Results<Ok<PerformanceReport>, ProblemHttpResult>> GetPerformance(
        AnalyticsService analytics, string? symbols, DateTime? from, DateTime? to, string? benchmark, double? riskFree,
        string? riskFreeSeries, double? periodsPerYear, int? rollingWindow, string? currency, string? interval, CancellationToken ct)
    {
        var parameters = new AnalyticsParameters(SplitSymbols(symbols), from, to, benchmark, riskFree, riskFreeSeries, periodsPerYear,
            rollingWindow ?? AnalyticsParameters.DefaultRollingWindow, Currency: currency, Interval: interval);
        return await Answer(() => analytics.PerformanceAsync(parameters, ct));
    }

    private static async Task<Results<Ok<RiskReport>, ProblemHttpResult>> GetRisk(
        AnalyticsService analytics, string? symbols, DateTime? from, DateTime? to, double? confidence, string? benchmark,
        double? riskFree, string? riskFreeSeries, double? periodsPerYear, string? currency, string? interval, CancellationToken ct)
    {
        var parameters = new AnalyticsParameters(SplitSymbols(symbols), from, to, benchmark, riskFree, riskFreeSeries, periodsPerYear,
            Confidence: confidence ?? AnalyticsParameters.DefaultConfidence, Currency: currency, Interval: interval);
        return await Answer(() => analytics.RiskAsync(parameters, ct));
    }

    private static async Task<Results<Ok<PortfolioAnalyticsReport>, ProblemHttpResult>> GetPortfolio(
        PortfolioAnalyticsService service, Guid id, DateTime? from, DateTime? to, string? benchmark, double? confidence,
        double? riskFree, double? periodsPerYear, string? currency, CancellationToken ct) =>
        await Answer(() => service.ComputeAsync(id, from, to, benchmark, confidence ?? AnalyticsParameters.DefaultConfidence, ct,
            riskFree ?? 0, periodsPerYear ?? 252, currency));

    private static async Task<Results<Ok<ComputeAccepted>, Accepted<ComputeAccepted>, ProblemHttpResult>> Compute(
        AnalyticsJobs jobs, ComputeRequest request, CancellationToken ct)
    {
        try
        {
            var (row, cached) = await jobs.SubmitAsync(request.Kind?.Trim().ToLowerInvariant() ?? "", request.ToParameters(), ct);
            var body = new ComputeAccepted(row.Id, row.Status);
            return cached ? TypedResults.Ok(body) : TypedResults.Accepted($"/api/analytics/results/{row.Id}", body);
        }
        catch (AnalyticsException ex)
        {
            return Problem(ex);
        }
    }

    private static async Task<Results<Ok<AnalyticsResultDto>, ProblemHttpResult>> GetResult(AnalyticsJobs jobs, Guid id, CancellationToken ct)
    {
        var row = await jobs.FindAsync(id, ct);
        if (row is null)
            return ApiProblems.NotFound($"Analytics result {id} does not exist.");
        JsonElement? result = row.Result is null ? null : JsonDocument.Parse(row.Result).RootElement.Clone();
        return TypedResults.Ok(new AnalyticsResultDto(row.Id, row.Kind, row.Status, result, row.Error,
            row.CreatedAt, row.CompletedAt));
    }

    internal static IReadOnlyList<string> SplitSymbols(string? symbols) =>
        (symbols ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    internal static async Task<Results<Ok<T>, ProblemHttpResult>> Answer<T>(Func<Task<T>> compute)
    {
        try
        {
            return TypedResults.Ok(await compute());
        }
        catch (AnalyticsException ex)
        {
            return Problem(ex);
        }
    }

    /// <summary>One page of a list: 400 for a bad page or page size, the service's refusal as ProblemDetails.</summary>
    internal static async Task<Results<Ok<PagedResult<T>>, ProblemHttpResult>> Page<T>(
        int? page, int? pageSize, Func<PageRequest, Task<(IReadOnlyList<T> Items, long Total)>> list)
    {
        var (request, errors) = PageRequest.Parse(page, pageSize);
        if (request is null)
            return ApiProblems.BadRequest(errors!);
        try
        {
            var (items, total) = await list(request);
            return TypedResults.Ok(PagedResult<T>.Create(items, request, total));
        }
        catch (AnalyticsException ex)
        {
            return Problem(ex);
        }
    }

    /// <summary>201 with <c>Location</c> for what <paramref name="create"/> made, or the service's refusal as ProblemDetails.</summary>
    internal static async Task<Results<Created<T>, ProblemHttpResult>> Create<T>(Func<Task<T>> create, Func<T, string> location)
    {
        try
        {
            var created = await create();
            return TypedResults.Created(location(created), created);
        }
        catch (AnalyticsException ex)
        {
            return Problem(ex);
        }
    }

    /// <summary>The ProblemDetails for a rejected analytics or portfolio request.</summary>
    internal static ProblemHttpResult Problem(AnalyticsException ex) => ex.Kind switch
    {
        AnalyticsErrorKind.NotFound => ApiProblems.NotFound(ex.Message),
        AnalyticsErrorKind.Unprocessable => ApiProblems.Unprocessable(ex.Field, ex.Message),
        AnalyticsErrorKind.Conflict => ApiProblems.Conflict(ex.Message),
        AnalyticsErrorKind.Stale => ApiProblems.Stale(ex.Message),
        _ => ApiProblems.BadRequest(ex.Field, ex.Message),
    };
}
