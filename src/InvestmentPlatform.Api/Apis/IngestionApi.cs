using InvestmentPlatform.Contracts.Ingestion;
using System.Security.Claims;
using System.Text.Json;
using InvestmentPlatform.Api.Access;
using InvestmentPlatform.Api.Http;
using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Ingestion;
using InvestmentPlatform.Ingestion.Planning;
using InvestmentPlatform.Ingestion.Dispatch;
using InvestmentPlatform.Ingestion.Outcomes;
using InvestmentPlatform.Ingestion.Sweeping;
using InvestmentPlatform.Ingestion;
using InvestmentPlatform.Ingestion.Requests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.Api.Apis;

public static class IngestionApi
{
    public static IEndpointRouteBuilder MapIngestionApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/ingestion/requests").WithTags("Ingestion");
        group.MapPost("", SubmitAsync).WithName("SubmitIngestionRequest");
        group.MapPost("csv", CsvUploadApi.SubmitAsync).WithName("SubmitCsvIngestionRequest")
            .Accepts<string>("text/csv", "multipart/form-data")
            .WithDescription("Imports one symbol from an uploaded CSV file (generic OHLCV, Yahoo download or Stooq format): " +
                             "a text/csv body, or a multipart/form-data body whose file part holds it. The other fields come in the query.");
        group.MapGet("{id:guid}", GetAsync).WithName("GetIngestionRequest");
        group.MapPost("{id:guid}/cancel", CancelAsync).WithName("CancelIngestionRequest");
        group.MapGet("", ListAsync).WithName("ListIngestionRequests");
        return app;
    }

    public sealed record SubmitIngestionRequest(
        string? Source,
        IReadOnlyList<string>? Symbols,
        string? AssetType,
        string? Interval,
        DateTime? From,
        DateTime? To,
        string? Mode,
        IReadOnlyDictionary<string, string>? Options);

    public sealed record IngestionRequestAccepted(Guid RequestId, string Status);

    /// <param name="RetryAt">
    /// Set while a window of the symbol waits for a delayed redelivery after a transient or rate-limited failure;
    /// ErrorClass and ErrorMessage then say what it waits out.
    /// </param>
    public sealed record SymbolProgress(
        string Symbol, string Status, int ChunksTotal, int ChunksDone, long RecordsCollected, long RecordsLoaded,
        long RecordsRejected, string? ErrorClass, string? ErrorMessage, DateTime? RetryAt = null);

    /// <param name="RetryAt">The earliest time a window of the request that waits for a delayed redelivery is tried again.</param>
    public sealed record IngestionRequestView(
        Guid RequestId, string Source, IReadOnlyList<string> Symbols, string? AssetType, string Interval, DateTime From,
        DateTime To, string Mode, string Status, int ChunksTotal, int ChunksDone, long RecordsCollected, long RecordsLoaded,
        long RecordsRejected, string? ErrorClass, string? ErrorMessage, Guid? JobId, Guid? RunId, DateTime CreatedAt,
        DateTime? CompletedAt, IReadOnlyList<SymbolProgress>? PerSymbol, DateTime? RetryAt = null);

    private static async Task<Results<Accepted<IngestionRequestAccepted>, ProblemHttpResult>> SubmitAsync(
        SubmitIngestionRequest body, IngestionRequestValidator validator, IngestionRequestWriter writer, ClaimsPrincipal user,
        CancellationToken ct)
    {
        var submission = new IngestionSubmission(body.Source, body.Symbols, body.AssetType, body.Interval, body.From, body.To,
            body.Mode, body.Options, RequestedBy: user.UserIdOf());
        if (Refusal(validator.Validate(submission)) is { } problem)
            return problem;

        var row = await writer.SubmitAsync(submission, ct);
        return Accepted(row);
    }

    /// <summary>400 for malformed input, else 422 for what the source cannot do; null when the submission is valid.</summary>
    internal static ProblemHttpResult? Refusal(IReadOnlyList<SubmissionError> errors)
    {
        if (errors.Any(e => !e.Unprocessable))
            return ApiProblems.BadRequest(errors.Where(e => !e.Unprocessable)
                .GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));
        if (errors.Count > 0)
            return ApiProblems.Unprocessable(errors[0].Field, string.Join(" ", errors.Select(e => e.Message)));
        return null;
    }

    internal static Accepted<IngestionRequestAccepted> Accepted(IngestionRequest row) =>
        TypedResults.Accepted($"/api/ingestion/requests/{row.Id}", new IngestionRequestAccepted(row.Id, row.Status));

    private static async Task<Results<Accepted<IngestionRequestAccepted>, ProblemHttpResult>> CancelAsync(
        Guid id, RequestCancellation cancellation, PlatformDbContext db, ClaimsPrincipal user, CancellationToken ct) =>
        !await db.IngestionRequests.Where(r => r.Id == id).Where(RequestVisibility.VisibleTo(user)).AnyAsync(ct)
            ? ApiProblems.NotFound($"No collection request {id}.")
            : await cancellation.CancelAsync(id, "Cancelled through the API.", ct) switch
        {
            CancelOutcome.NotFound => ApiProblems.NotFound($"No collection request {id}."),
            CancelOutcome.AlreadyFinished => ApiProblems.Conflict($"Collection request {id} has already finished."),
            _ => TypedResults.Accepted($"/api/ingestion/requests/{id}", new IngestionRequestAccepted(id, IngestionStatuses.Cancelled)),
        };

    private static async Task<Results<Ok<IngestionRequestView>, ProblemHttpResult>> GetAsync(
        Guid id, PlatformDbContext db, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        var request = await db.IngestionRequests.AsNoTracking().Where(RequestVisibility.VisibleTo(user)).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (request is null)
            return ApiProblems.NotFound($"No collection request {id}.");
        var chunks = await db.IngestionChunks.AsNoTracking().Where(c => c.RequestId == id)
            .Select(c => new { c.Symbol, c.Status, c.NotBefore, c.ErrorClass, c.ErrorMessage }).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var logs = await db.DataCollectionLog.AsNoTracking().Where(l => l.RequestId == id).ToListAsync(ct);
        var symbols = ParseSymbols(request.Symbols);
        var perSymbol = symbols.Select(s =>
        {
            var log = logs.FirstOrDefault(l => l.Symbol == s);
            var mine = chunks.Where(c => c.Symbol == s).ToList();
            var waiting = mine.Where(c => c.Status == ChunkStatuses.Pending && c.NotBefore > now).MaxBy(c => c.NotBefore);
            return new SymbolProgress(s, log?.Status ?? request.Status, mine.Count,
                mine.Count(c => ChunkStatuses.IsTerminal(c.Status)),
                log?.RecordsCollected ?? 0, log?.RecordsLoaded ?? 0, log?.RecordsRejected ?? 0,
                log?.ErrorClass ?? waiting?.ErrorClass, log?.ErrorMessage ?? waiting?.ErrorMessage,
                waiting?.NotBefore);
        }).ToList();
        return TypedResults.Ok(ToView(request, perSymbol, perSymbol.Min(p => p.RetryAt)));
    }

    private static async Task<Results<Ok<PagedResult<IngestionRequestView>>, ProblemHttpResult>> ListAsync(
        PlatformDbContext db, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct, string? status = null, string? source = null,
        int? page = null, int? pageSize = null)
    {
        var (paging, errors) = PageRequest.Parse(page, pageSize);
        if (paging is null)
            return ApiProblems.BadRequest(errors!);
        string[] statuses = [IngestionStatuses.Pending, IngestionStatuses.Running, IngestionStatuses.Succeeded,
            IngestionStatuses.PartiallySucceeded, IngestionStatuses.Failed, IngestionStatuses.TimedOut, IngestionStatuses.Cancelled];
        if (status is not null && !statuses.Contains(status))
            return ApiProblems.BadRequest("status", $"Unknown status '{status}'. Known: {string.Join(", ", statuses)}.");

        var query = db.IngestionRequests.AsNoTracking().Where(RequestVisibility.VisibleTo(user));
        if (status is not null)
            query = query.Where(r => r.Status == status);
        if (source is not null)
            query = query.Where(r => r.Source == source.ToLower());
        var total = await query.LongCountAsync(ct);
        var rows = await query.OrderByDescending(r => r.CreatedAt).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        var ids = rows.Where(r => r.Status == IngestionStatuses.Running).Select(r => r.Id).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        var waits = (await db.IngestionChunks.AsNoTracking()
                .Where(c => ids.Contains(c.RequestId) && c.Status == ChunkStatuses.Pending && c.NotBefore > now)
                .Select(c => new { c.RequestId, c.NotBefore }).ToListAsync(ct))
            .GroupBy(c => c.RequestId).ToDictionary(g => g.Key, g => g.Min(c => c.NotBefore));
        return TypedResults.Ok(PagedResult<IngestionRequestView>.Create(
            rows.Select(r => ToView(r, null, waits.GetValueOrDefault(r.Id))).ToList(), paging, total));
    }

    private static IngestionRequestView ToView(IngestionRequest r, IReadOnlyList<SymbolProgress>? perSymbol, DateTime? retryAt) => new(
        r.Id, r.Source, ParseSymbols(r.Symbols), r.AssetType, r.Interval, r.From, r.To, r.Mode, r.Status,
        r.ChunksTotal, r.ChunksDone, r.RecordsCollected, r.RecordsLoaded, r.RecordsRejected, r.ErrorClass, r.ErrorMessage,
        r.JobId, r.RunId, r.CreatedAt, r.CompletedAt, perSymbol, retryAt);

    private static IReadOnlyList<string> ParseSymbols(string json) => JsonSerializer.Deserialize<List<string>>(json) ?? [];
}
