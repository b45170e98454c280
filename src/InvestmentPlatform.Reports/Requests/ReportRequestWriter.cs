using InvestmentPlatform.Contracts;
using System.Text.Json;
using InvestmentPlatform.Analytics;
using InvestmentPlatform.Contracts.Reports;
using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Alerts;
using InvestmentPlatform.Data.Reports;
using InvestmentPlatform.Messaging.Outbox;
using InvestmentPlatform.Reports.Documents;
using InvestmentPlatform.Reports.Kinds;
using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.Reports.Requests;

/// <summary>
/// The one door for reports asked for on the bus, from the API and from scheduler runs: it checks what can be told at
/// once and stages a report_requests row with its ReportRequested message, saved by the caller in its own transaction
/// (the API's request alone, a scheduler run together with its run row).
/// </summary>
public sealed class ReportRequestWriter(PlatformDbContext db, TimeProvider clock)
{
    /// <summary>Reports a user may have queued or running at once; more is 409 until one finishes.</summary>
    public const int MaxInProgress = 10;

    /// <summary>At most this many assets in one coverage report.</summary>
    public const int MaxCoverageAssets = 200;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Stages the request; nothing is stored until the caller saves.</summary>
    /// <exception cref="AnalyticsException">What makes the request invalid (400, 404) or one too many in progress (409).</exception>
    public async Task<ReportRequest> AddAsync(ReportInput input, string owner, bool admin, Guid? runId, CancellationToken ct)
    {
        var parameters = await CheckAsync(input, owner, admin, ct);
        if (await db.ReportRequests.CountAsync(r => r.OwnerId == owner && (r.Status == WorkStatuses.Queued || r.Status == WorkStatuses.Running), ct)
            >= MaxInProgress)
            throw AnalyticsException.Conflict("kind", $"You have {MaxInProgress} reports in progress: wait for one to finish.");

        var now = clock.GetUtcNow().UtcDateTime;
        var row = new ReportRequest
        {
            Id = Guid.CreateVersion7(), OwnerId = owner, Kind = parameters.Kind!, Format = parameters.Format!, Status = WorkStatuses.Queued,
            Parameters = JsonSerializer.Serialize(parameters, Json), CreatedAt = now, RunId = runId,
            EmailChannelId = parameters.EmailChannelId, WebhookChannelId = parameters.WebhookChannelId,
        };
        db.ReportRequests.Add(row);
        db.EnqueuePublish(new ReportRequested(row.Id, row.Kind, owner, now, runId), row.Id);
        return row;
    }

    /// <summary>The request checked and normalised (kind and format in their stored spelling, symbols trimmed).</summary>
    /// <exception cref="AnalyticsException">Bad parameters (400), an unknown portfolio, symbol or job (404).</exception>
    public async Task<ReportInput> CheckAsync(ReportInput input, string owner, bool admin, CancellationToken ct)
    {
        var kind = input.Kind?.Trim().ToLowerInvariant();
        if (kind is null || !ReportKinds.All.Contains(kind))
            throw AnalyticsException.Invalid("kind", $"kind must be one of {string.Join(", ", ReportKinds.All)}.");
        var format = ReportFormats.Parse(input.Format);
        if (input.From is { } from && input.To is { } to && from > to)
            throw AnalyticsException.Invalid("from", "from must not be after to.");
        var symbols = (input.Symbols ?? []).OfType<string>().Select(s => s.Trim()).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        await CheckSubjectAsync(kind, input, symbols, owner, admin, ct);
        await CheckChannelAsync("emailChannelId", input.EmailChannelId, NotificationChannelKinds.Email, owner, ct);
        await CheckChannelAsync("webhookChannelId", input.WebhookChannelId, NotificationChannelKinds.Webhook, owner, ct);
        return input with { Kind = kind, Format = format, Symbols = symbols };
    }

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
                var max = kind == ReportKinds.Comparison ? AssetComparisonReport.MaxSymbols : MaxCoverageAssets;
                if (kind == ReportKinds.Comparison && symbols.Count == 0)
                    throw AnalyticsException.Invalid("symbols", "symbols is required for a comparison.");
                if (symbols.Count > max)
                    throw AnalyticsException.Invalid("symbols", $"At most {max} symbols per {kind} report.");
                await CheckSymbolsAsync(symbols, ct);
                break;
            case ReportKinds.Scheduler when input.JobId is { } job:
                if (!await db.SchedulerJobs.AnyAsync(j => j.Id == job, ct))
                    throw AnalyticsException.NotFound("jobId", $"Job {job} does not exist.");
                break;
        }
    }

    /// <summary>A report goes only to its owner's own channels, each of the kind its field names; as for alert rules,
    /// another's channel or one of the wrong kind makes the request unprocessable (422).</summary>
    private async Task CheckChannelAsync(string field, Guid? id, string kind, string owner, CancellationToken ct)
    {
        if (id is null)
            return;
        var found = await db.NotificationChannels.Where(c => c.Id == id && c.OwnerId == owner).Select(c => c.Kind).FirstOrDefaultAsync(ct)
                    ?? throw AnalyticsException.Unprocessable(field, $"You have no notification channel {id}.");
        if (found != kind)
            throw AnalyticsException.Unprocessable(field, $"{field} must name one of your {kind} channels; {id} is a {found} channel.");
    }

    private async Task CheckSymbolsAsync(IReadOnlyCollection<string> symbols, CancellationToken ct)
    {
        var known = await db.Assets.Where(a => symbols.Contains(a.Symbol)).Select(a => a.Symbol).ToListAsync(ct);
        if (symbols.Except(known).ToList() is { Count: > 0 } missing)
            throw UnknownSymbols(missing);
    }

    /// <summary>The 404 for symbols with no asset, naming every one, wherever a report meets them.</summary>
    public static AnalyticsException UnknownSymbols(IEnumerable<string> missing) =>
        AnalyticsException.NotFound("symbols", $"No asset with symbol {string.Join(", ", missing.Select(m => $"'{m}'"))}.");
}
