using InvestmentPlatform.Ingestion.Planning;
using InvestmentPlatform.Ingestion.Dispatch;
using InvestmentPlatform.Ingestion.Sweeping;
using InvestmentPlatform.Ingestion;
using System.Text.Json;
using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Ingestion;
using InvestmentPlatform.Messaging.Outbox;
using InvestmentPlatform.Ingestion.Uploads;
using InvestmentPlatform.ServiceDefaults;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace InvestmentPlatform.Ingestion.Outcomes;

/// <summary>
/// Recomputes a request's counts and per-symbol log rows from its chunks, and finishes it when every chunk has
/// finished. Recomputing (rather than adding) makes a redelivered ChunkFinished harmless.
/// </summary>
public sealed class RequestTally(
    PlatformDbContext db, IPublishEndpoint publish, CsvUploads uploads, TimeProvider clock, ILogger<RequestTally> logger)
{
    private const int Attempts = 10;

    public async Task RefreshAsync(Guid requestId, CancellationToken ct)
    {
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            db.ChangeTracker.Clear();
            try
            {
                await RefreshOnceAsync(requestId, ct);
                return;
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another chunk's tally of the same request won. After an outage many finish at once: the pauses grow,
                // so the tallies spread out instead of colliding again together.
                await Task.Delay(Random.Shared.Next(10, 100) * attempt, ct);
            }
        }
        logger.LogWarning("Request {RequestId} could not be tallied after {Attempts} attempts; the sweeper will retry", requestId, Attempts);
    }

    private async Task RefreshOnceAsync(Guid requestId, CancellationToken ct)
    {
        var request = await db.IngestionRequests.FirstOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is null || request.Status != IngestionStatuses.Running)
            return;
        var chunks = await db.IngestionChunks.AsNoTracking().Where(c => c.RequestId == requestId).ToListAsync(ct);
        var logs = await db.DataCollectionLog.Where(l => l.RequestId == requestId).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;

        var assets = await db.Assets.AsNoTracking().Where(a => logs.Select(l => l.Symbol).Contains(a.Symbol))
            .ToDictionaryAsync(a => a.Symbol, a => new { a.AssetId, a.AssetType }, ct);
        foreach (var log in logs)
        {
            var mine = chunks.Where(c => c.Symbol == log.Symbol).ToList();
            log.AssetId = assets.TryGetValue(log.Symbol, out var asset) ? asset.AssetId : null;
            log.RecordsCollected = mine.Sum(c => c.RecordsCollected);
            log.RecordsLoaded = mine.Sum(c => c.RecordsLoaded);
            log.RecordsRejected = mine.Sum(c => c.RecordsRejected);
            var failure = mine.FirstOrDefault(c => c.Status != ChunkStatuses.Succeeded && ChunkStatuses.IsTerminal(c.Status));
            log.ErrorClass = failure?.ErrorClass;
            log.ErrorMessage = failure?.ErrorMessage;
            if (mine.All(c => ChunkStatuses.IsTerminal(c.Status)) && log.Status == IngestionStatuses.Running)
            {
                log.Status = Outcome(mine.Select(c => c.Status).ToList());
                log.FinishedAt = now;
                log.DurationMs = (now - log.StartedAt).TotalMilliseconds;
            }
        }

        Dictionary<string, string> StoredTypes() => assets.ToDictionary(a => a.Key, a => a.Value.AssetType);

        var done = chunks.Count(c => ChunkStatuses.IsTerminal(c.Status));
        var changed = done != request.ChunksDone || chunks.Sum(c => c.RecordsLoaded) != request.RecordsLoaded;
        request.ChunksTotal = chunks.Count;
        request.ChunksDone = done;
        request.RecordsCollected = chunks.Sum(c => c.RecordsCollected);
        request.RecordsLoaded = chunks.Sum(c => c.RecordsLoaded);
        request.RecordsRejected = chunks.Sum(c => c.RecordsRejected);
        request.UpdatedAt = now;
        request.Version++;

        var finished = done == chunks.Count;
        if (finished)
        {
            request.Status = Outcome(chunks.Select(c => c.Status).ToList());
            request.CompletedAt = now;
            var failure = chunks.FirstOrDefault(c => c.Status != ChunkStatuses.Succeeded);
            request.ErrorClass = failure?.ErrorClass;
            request.ErrorMessage = failure?.ErrorMessage;
            var duration = (now - request.CreatedAt).TotalMilliseconds;
            if (request.Status is IngestionStatuses.Failed or IngestionStatuses.TimedOut)
            {
                db.EnqueuePublish(request.Failed(
                    Enum.TryParse<ErrorClass>(request.ErrorClass, out var ec) ? ec : ErrorClass.Transient,
                    request.ErrorMessage ?? "Every chunk failed.", now, StoredTypes()), request.Id);
            }
            else
            {
                var failedSymbols = logs.Where(l => l.Status != IngestionStatuses.Succeeded).Select(l => l.Symbol).ToList();
                db.EnqueuePublish(new CollectionCompleted(request.Id, request.JobId, request.RunId, request.RecordsCollected,
                    request.RecordsLoaded, request.RecordsRejected, failedSymbols, duration, now, request.Status, chunks.Count,
                    request.Routing(StoredTypes())), request.Id);
            }
        }

        await db.SaveChangesAsync(ct);
        if (finished)
        {
            if (request.Options is not null &&
                CsvUploads.IdOf(JsonSerializer.Deserialize<Dictionary<string, string>>(request.Options)) is { } upload &&
                !await db.KeptUploads.AnyAsync(u => u.Id == upload, ct))
                uploads.Delete(upload);
            PlatformMetrics.RequestsFinished.Add(1, new("source", request.Source), new("status", request.Status));
            logger.LogInformation("Request {RequestId} finished {Status}: {Loaded} rows loaded", request.Id, request.Status, request.RecordsLoaded);
        }
        else if (changed)
        {
            var last = chunks.Where(c => c.FinishedAt != null).MaxBy(c => c.FinishedAt);
            await publish.Publish(new CollectionProgress(request.Id, request.JobId, request.RunId, last?.Symbol ?? "",
                done, chunks.Count, request.RecordsCollected, request.RecordsLoaded, now, request.Routing(StoredTypes(), last?.Symbol)), ct);
        }
    }

    private static string Outcome(IReadOnlyList<string> statuses) =>
        statuses.Count == 0 || statuses.All(s => s == ChunkStatuses.Succeeded) ? IngestionStatuses.Succeeded
        : statuses.Any(s => s == ChunkStatuses.Succeeded) ? IngestionStatuses.PartiallySucceeded
        : statuses.Any(s => s == ChunkStatuses.TimedOut) ? IngestionStatuses.TimedOut
        : IngestionStatuses.Failed;
}
