using InvestmentPlatform.Data.Assets;
using System.Text.Json;
using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Ingestion;
using InvestmentPlatform.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.Ingestion.Requests;

/// <summary>
/// The one door for collection requests, used by the API, the CLI and the scheduler alike: a validated request's row
/// and its CollectionRequested are saved in one transaction (outbox). Throws <see cref="QuotaExceededException"/>,
/// storing nothing, when the source's rows for the day are spent.
/// </summary>
public sealed class IngestionRequestWriter(PlatformDbContext db, SourceDailyQuota quota, TimeProvider clock)
{
    public async Task<IngestionRequest> SubmitAsync(IngestionSubmission s, CancellationToken ct)
    {
        var row = await AddAsync(s, ct);
        await db.SaveChangesAsync(ct);
        return row;
    }

    /// <summary>
    /// Adds the row and its message to the caller's unit of work without saving: the scheduler commits them together
    /// with the run they start.
    /// </summary>
    public async Task<IngestionRequest> AddAsync(IngestionSubmission s, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var symbols = await CanonicalAsync(s.Symbols!.Select(x => x.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList(), ct);
        var message = new CollectionRequested(
            Guid.CreateVersion7(), s.JobId, s.RunId, s.Source!.ToLowerInvariant(), symbols, s.AssetType, s.Interval!,
            s.From!.Value.AsUtc(), s.To!.Value.AsUtc(),
            s.Mode ?? IngestionModes.Batch, now, s.Options);
        var row = ToRow(message, now);
        if (await quota.CheckAsync(row.Source, row.PlannedRows, ct) is { } refusal)
            throw new QuotaExceededException(refusal);
        row.RequestedBy = s.RequestedBy;
        db.IngestionRequests.Add(row);
        db.EnqueuePublish(message, message.RequestId);
        return row;
    }

    /// <summary>
    /// Symbols are matched whatever their case, as every supported provider matches them: a stored asset keeps its own
    /// spelling, a new one is stored upper-case, so "aapl" never becomes a second AAPL.
    /// </summary>
    private async Task<List<string>> CanonicalAsync(List<string> symbols, CancellationToken ct)
    {
        var stored = await db.Assets.Named(symbols).Select(a => a.Symbol).ToListAsync(ct);
        var spelling = stored.GroupBy(x => x.ToUpperInvariant()).ToDictionary(g => g.Key, g => g.Order(StringComparer.Ordinal).First());
        return symbols.Select(x => x.ToUpperInvariant()).Select(x => spelling.GetValueOrDefault(x, x)).ToList();
    }

    public static IngestionRequest ToRow(CollectionRequested m, DateTime now) => new()
    {
        Id = m.RequestId,
        Source = m.Source,
        AssetType = m.AssetType,
        Symbols = JsonSerializer.Serialize(m.Symbols),
        Interval = m.Interval,
        From = m.From,
        To = m.To,
        Mode = m.Mode,
        Options = m.Options is null ? null : JsonSerializer.Serialize(m.Options),
        Status = IngestionStatuses.Pending,
        PlannedRows = SourceDailyQuota.PlannedRows(m.Interval, m.Symbols.Count, m.From, m.To),
        JobId = m.JobId,
        RunId = m.RunId,
        CreatedAt = now,
        UpdatedAt = now,
    };
}
