using InvestmentPlatform.Collectors.Core;
using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Assets;
using InvestmentPlatform.Ingestion.Planning;
using InvestmentPlatform.Ingestion.Dispatch;
using InvestmentPlatform.Ingestion.Outcomes;
using InvestmentPlatform.Ingestion.Rejections;
using InvestmentPlatform.Ingestion.Sweeping;
using InvestmentPlatform.Ingestion;
using InvestmentPlatform.ServiceDefaults;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InvestmentPlatform.Ingestion.Collection;

/// <summary>
/// Serves one chunk from its source and publishes the rows as DataCollected parts of at most DataCollected.MaxRows rows.
/// Bound to one receive endpoint per source (collect-&lt;source&gt;).
/// </summary>
public sealed class CollectChunkConsumer(
    PlatformDbContext db,
    ICollectorRegistry registry,
    ChunkOutcomes outcomes,
    ChunkRedelivery redelivery,
    IOptions<IngestionOptions> options,
    TimeProvider clock) : IConsumer<CollectChunk>
{
    public async Task Consume(ConsumeContext<CollectChunk> context)
    {
        var m = context.Message;
        var ct = context.CancellationToken;
        var now = clock.GetUtcNow().UtcDateTime;
        // Checked and set in one statement: a redelivered message (its first consumer was killed before the ack) can
        // arrive while the loader finishes the chunk from the parts already sent; a read-then-write would turn the
        // finished chunk back to collecting, and with every part already loaded nothing would ever finish it again.
        var started = await db.IngestionChunks.Where(c => c.Id == m.ChunkId && ChunkStatuses.Active.Contains(c.Status))
            .ExecuteUpdateAsync(u => u
                .SetProperty(c => c.Status, ChunkStatuses.Collecting)
                .SetProperty(c => c.StartedAt, now)
                .SetProperty(c => c.ProgressAt, now)
                .SetProperty(c => c.ErrorClass, (string?)null)
                .SetProperty(c => c.ErrorMessage, (string?)null), ct);
        if (started == 0)
            return;

        try
        {
            await CollectWithinLimitAsync(context, m, ct);
        }
        catch (CollectorException ex)
        {
            PlatformMetrics.CollectorErrors.Add(1, new("source", m.Source), new("error_class", ex.ErrorClass.ToString()));
            // A provider that said when to come back is not asked again before then; other transient failures get the
            // endpoint's immediate retries first. Rescheduling records the error with the wait.
            if (ex.IsRetryable && (ex.RetryAfter is not null || context.GetRetryAttempt() >= CollectChunkLimits.ImmediateRetryIntervals.Length)
                && await redelivery.TryScheduleAsync(m.ChunkId, ex, CancellationToken.None))
                return;
            // Retried at once or faulted (permanent classes into collect-<source>_error): the fault keeps this class.
            await db.IngestionChunks.Where(c => c.Id == m.ChunkId).ExecuteUpdateAsync(u => u
                .SetProperty(c => c.ErrorClass, ex.ErrorClass.ToString())
                .SetProperty(c => c.ErrorMessage, ex.ProviderMessage), CancellationToken.None);
            throw;
        }
    }

    /// <summary>Every source, whatever it reads, gets Ingestion:CollectTimeout for a chunk; then its reading is cancelled.</summary>
    private async Task CollectWithinLimitAsync(ConsumeContext<CollectChunk> context, CollectChunk m, CancellationToken ct)
    {
        var limit = options.Value.CollectTimeout;
        using var timeout = new CancellationTokenSource(limit, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            await CollectAsync(context, m, linked.Token);
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            throw new CollectorException(ErrorClass.Timeout, m.Source, $"the chunk was not collected within {limit} (Ingestion__CollectTimeout)", ex);
        }
    }

    private async Task CollectAsync(ConsumeContext<CollectChunk> context, CollectChunk m, CancellationToken ct)
    {
        if (!registry.TryGet(m.Source, out var collector))
            throw new CollectorException(ErrorClass.BadRequest, m.Source, $"No collector is registered for source '{m.Source}'.");

        const int max = DataCollected.MaxRows;
        var request = new CollectorRequest(m.Symbol, m.AssetType, m.Interval, m.From, m.To, m.Options);
        AssetDescription? asset = null;
        var buffer = new List<SeriesRow>(max);
        List<SeriesRow>? held = null;
        int heldRejected = 0, heldMark = 0, rejected = 0, part = 0;
        var rejections = new ChunkRejections(options.Value.RejectedRowsKeptPerChunk);
        // Vintages ride with the next part published after they arrive: the loader keeps them whichever part it is.
        var vintages = new List<SeriesVintage>();

        // Each part carries the rejected rows counted with it (and the kept ones among them, up to the mark).
        async Task PublishAsync(List<SeriesRow> rows, int rejectedCount, int mark, bool last)
        {
            if (part >= CollectChunkLimits.MaxParts)
                throw new CollectorException(ErrorClass.BadPayload, m.Source,
                    $"The chunk {m.From:u}..{m.To:u} produced more than {CollectChunkLimits.MaxParts * max} rows; lower Ingestion:ChunkMaxBars.");
            var assetType = m.AssetType ?? asset!.AssetType;
            var (kept, first) = rejections.Take(mark);
            var revisions = vintages.Count > 0 ? vintages.ToList() : null;
            vintages.Clear();
            await context.Publish(new DataCollected(m.RequestId, m.ChunkId, part++, last, m.Source, m.Symbol,
                assetType, m.Interval, asset!, SeriesRowBlock.From(rows), rejectedCount, kept, first, revisions), ct);
        }

        await foreach (var batch in collector.CollectAsync(request, ct))
        {
            asset ??= batch.Asset;
            rejected += batch.Rejected.Count;
            rejections.Add(batch.Rejected);
            if (batch.Vintages is { } published)
                vintages.AddRange(published);
            foreach (var row in batch.Rows)
            {
                buffer.Add(row);
                if (buffer.Count < max)
                    continue;
                // One full part is held back so that the final one can be flagged IsLastPart.
                if (held is not null)
                    await PublishAsync(held, heldRejected, heldMark, false);
                (held, heldRejected, heldMark, rejected) = (buffer, rejected, rejections.Mark, 0);
                buffer = new List<SeriesRow>(max);
            }
        }

        if (asset is null)
        {
            // The provider had nothing in this window (a holiday, a weekend, a series not yet published).
            await outcomes.FinishAsync(m.ChunkId, ChunkStatuses.Succeeded, 0, rejections.Total, null, null, ct);
            return;
        }
        if (!AssetTypes.IsKnown(m.AssetType ?? asset.AssetType))
            throw new CollectorException(ErrorClass.BadPayload, m.Source, $"Unknown asset type '{asset.AssetType}' for {m.Symbol}.");

        if (buffer.Count > 0 || held is null)
        {
            if (held is not null)
                await PublishAsync(held, heldRejected, heldMark, false);
            await PublishAsync(buffer, rejected, rejections.Mark, true);
        }
        else
        {
            await PublishAsync(held, heldRejected + rejected, rejections.Mark, true);
        }
    }
}
