using System.Text.Json;
using InvestmentPlatform.Analytics;
using InvestmentPlatform.Contracts.Reports;
using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Reports;
using InvestmentPlatform.Messaging.Outbox;
using InvestmentPlatform.Reports.Documents;
using InvestmentPlatform.Reports.Kinds;
using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.Api.Reports;

public sealed record ReportDto(Guid Id, string Kind, string Format, string Status, string? Error, string? FileName, long? Size,
    ReportInput Parameters, DateTime CreatedAt, DateTime? CompletedAt);

/// <summary>
/// Reports asked for on the bus: a report_requests row and its ReportRequested message in one transaction, built later by
/// <see cref="ReportRequestedConsumer"/>. A user sees only their own reports; another user's is 404.
/// </summary>
public sealed class ReportJobs(PlatformDbContext db, TimeProvider clock)
{
    /// <summary>Reports a user may have queued or running at once; more is 409 until one finishes.</summary>
    public const int MaxInProgress = 10;

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <exception cref="AnalyticsException">What makes the request invalid, before anything is stored.</exception>
    public async Task<ReportDto> SubmitAsync(ReportInput input, string owner, bool admin, CancellationToken ct)
    {
        var kind = input.Kind?.Trim().ToLowerInvariant();
        if (kind is null || !ReportKinds.All.Contains(kind))
            throw AnalyticsException.Invalid("kind", $"kind must be one of {string.Join(", ", ReportKinds.All)}.");
        var format = ReportFormats.Parse(input.Format);
        if (input.From is { } from && input.To is { } to && from > to)
            throw AnalyticsException.Invalid("from", "from must not be after to.");
        var symbols = (input.Symbols ?? []).OfType<string>().Select(s => s.Trim()).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        await CheckSubjectAsync(kind, input, symbols, owner, admin, ct);
        if (await db.ReportRequests.CountAsync(r => r.OwnerId == owner && (r.Status == ReportStatuses.Queued || r.Status == ReportStatuses.Running), ct)
            >= MaxInProgress)
            throw AnalyticsException.Conflict("kind", $"You have {MaxInProgress} reports in progress: wait for one to finish.");

        var parameters = input with { Kind = kind, Format = format, Symbols = symbols };
        var now = clock.GetUtcNow().UtcDateTime;
        var row = new ReportRequest
        {
            Id = Guid.CreateVersion7(), OwnerId = owner, Kind = kind, Format = format, Status = ReportStatuses.Queued,
            Parameters = JsonSerializer.Serialize(parameters, Json), CreatedAt = now,
        };
        db.ReportRequests.Add(row);
        db.EnqueuePublish(new ReportRequested(row.Id, kind, owner, now), row.Id);
        await db.SaveChangesAsync(ct);
        return ToDto(row);
    }

    public async Task<(IReadOnlyList<ReportDto> Items, int Total)> ListAsync(string owner, int skip, int take, CancellationToken ct)
    {
        var mine = db.ReportRequests.AsNoTracking().Where(r => r.OwnerId == owner);
        var rows = await mine.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Skip(skip).Take(take).ToListAsync(ct);
        return (rows.Select(ToDto).ToList(), await mine.CountAsync(ct));
    }

    public async Task<ReportDto> GetAsync(Guid id, string owner, CancellationToken ct) => ToDto(await FindAsync(id, owner, ct));

    /// <summary>The built file; 409 while it is being built, 422 when it failed.</summary>
    public async Task<ReportFile> FileAsync(Guid id, string owner, CancellationToken ct)
    {
        var row = await FindAsync(id, owner, ct);
        if (row.Status == ReportStatuses.Failed)
            throw AnalyticsException.Unprocessable("id", $"The report failed: {row.Error}");
        var content = row.Status == ReportStatuses.Succeeded
            ? await db.ReportFiles.AsNoTracking().Where(f => f.ReportId == id).Select(f => f.Content).FirstOrDefaultAsync(ct)
            : null;
        return content is null
            ? throw AnalyticsException.Conflict("id", $"The report is {row.Status}: its file is not ready yet.")
            : new ReportFile(content, row.ContentType!, row.FileName!);
    }

    public async Task DeleteAsync(Guid id, string owner, CancellationToken ct)
    {
        var row = await FindAsync(id, owner, ct);
        if (row.Status is ReportStatuses.Queued or ReportStatuses.Running)
            throw AnalyticsException.Conflict("id", $"The report is {row.Status}: delete it once it has finished.");
        await db.ReportRequests.Where(r => r.Id == id).ExecuteDeleteAsync(ct);
    }

    private async Task<ReportRequest> FindAsync(Guid id, string owner, CancellationToken ct) =>
        await db.ReportRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.OwnerId == owner, ct)
        ?? throw AnalyticsException.NotFound("id", $"Report {id} does not exist.");

    /// <summary>What can be told now, cheaply, so the user hears it at once rather than from a failed report.</summary>
    private async Task CheckSubjectAsync(string kind, ReportInput input, IReadOnlyList<string> symbols, string owner, bool admin, CancellationToken ct)
    {
        switch (kind)
        {
            case ReportKinds.Portfolio:
                var id = input.PortfolioId ?? throw AnalyticsException.Invalid("portfolioId", "portfolioId is required for a portfolio report.");
                if (!await db.Portfolios.AnyAsync(p => p.Id == id && (admin || p.OwnerId == owner), ct))
                    throw AnalyticsException.NotFound("portfolioId", $"Portfolio {id} does not exist.");
                break;
            case ReportKinds.Comparison or ReportKinds.Coverage:
                var max = kind == ReportKinds.Comparison ? AssetComparisonReport.MaxSymbols : DataCoverageReport.MaxAssets;
                if (kind == ReportKinds.Comparison && symbols.Count == 0)
                    throw AnalyticsException.Invalid("symbols", "symbols is required for a comparison.");
                if (symbols.Count > max)
                    throw AnalyticsException.Invalid("symbols", $"At most {max} symbols per {kind} report.");
                var known = await db.Assets.Where(a => symbols.Contains(a.Symbol)).Select(a => a.Symbol).ToListAsync(ct);
                if (symbols.Except(known).ToList() is { Count: > 0 } missing)
                    throw AnalyticsException.NotFound("symbols", $"No asset with symbol {string.Join(", ", missing.Select(m => $"'{m}'"))}.");
                break;
            case ReportKinds.Scheduler when input.JobId is { } job:
                if (!await db.SchedulerJobs.AnyAsync(j => j.Id == job, ct))
                    throw AnalyticsException.NotFound("jobId", $"Job {job} does not exist.");
                break;
        }
    }

    internal static ReportDto ToDto(ReportRequest r) => new(r.Id, r.Kind, r.Format, r.Status, r.Error, r.FileName, r.Size,
        JsonSerializer.Deserialize<ReportInput>(r.Parameters, Json)!, r.CreatedAt, r.CompletedAt);
}
