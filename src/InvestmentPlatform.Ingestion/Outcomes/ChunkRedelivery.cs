using InvestmentPlatform.Ingestion.Planning;
using InvestmentPlatform.Ingestion.Dispatch;
using InvestmentPlatform.Ingestion.Sweeping;
using InvestmentPlatform.Ingestion;
using InvestmentPlatform.Collectors.Core;
using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InvestmentPlatform.Ingestion.Outcomes;

/// <summary>
/// Delayed redelivery of a chunk, kept in the chunk's own row rather than in the broker: the chunk goes back to
/// pending with a time before which the dispatcher will not send it. It survives restarts, works the same on both
/// transports, and frees the source's in-flight slot while it waits.
/// </summary>
public sealed class ChunkRedelivery(
    PlatformDbContext db,
    IOptions<IngestionOptions> options,
    TimeProvider clock,
    ILogger<ChunkRedelivery> logger)
{
    /// <returns>
    /// False when the chunk is out of redeliveries, or would wait past its request's time limit: it should fail now.
    /// </returns>
    public async Task<bool> TryScheduleAsync(Guid chunkId, CollectorException failure, CancellationToken ct)
    {
        var o = options.Value;
        var found = await (from c in db.IngestionChunks
                           join r in db.IngestionRequests on c.RequestId equals r.Id
                           where c.Id == chunkId
                           select new { c.Redeliveries, c.Symbol, r.CreatedAt }).AsNoTracking().FirstOrDefaultAsync(ct);
        if (found is null || found.Redeliveries >= o.MaxRedeliveries)
            return false;

        var delay = Delay(o.FirstRedeliveryDelay, found.Redeliveries, failure.RetryAfter);
        var now = clock.GetUtcNow().UtcDateTime;
        var notBefore = now + delay;
        if (notBefore > found.CreatedAt + o.RequestTimeout)
            return false;

        var updated = await db.IngestionChunks
            .Where(c => c.Id == chunkId && c.Redeliveries == found.Redeliveries && ChunkStatuses.InFlight.Contains(c.Status))
            .ExecuteUpdateAsync(u => u
                .SetProperty(c => c.Status, ChunkStatuses.Pending)
                .SetProperty(c => c.NotBefore, notBefore)
                .SetProperty(c => c.Redeliveries, c => c.Redeliveries + 1)
                .SetProperty(c => c.ErrorClass, failure.ErrorClass.ToString())
                .SetProperty(c => c.ErrorMessage, failure.ProviderMessage)
                .SetProperty(c => c.Version, c => c.Version + 1), ct);
        if (updated == 1)
            logger.LogWarning("{Source} {Symbol}: {ErrorClass} ({Message}); redelivery {Attempt} of {Max} in {Delay}",
                failure.SourceName, found.Symbol, failure.ErrorClass, failure.ProviderMessage, found.Redeliveries + 1,
                o.MaxRedeliveries, delay);
        // Zero rows: another delivery of the same chunk already rescheduled or finished it; nothing is left to do.
        return true;
    }

    /// <summary>
    /// Puts an in-flight chunk whose collection or loading met a database or broker outage back to pending, without
    /// counting a redelivery: an outage says nothing about the provider.
    /// </summary>
    /// <returns>False when the chunk would wait past its request's time limit: it should fail now.</returns>
    public async Task<bool> TryScheduleAfterOutageAsync(Guid chunkId, string message, CancellationToken ct)
    {
        var o = options.Value;
        var requestCreated = await (from c in db.IngestionChunks
                                    join r in db.IngestionRequests on c.RequestId equals r.Id
                                    where c.Id == chunkId
                                    select (DateTime?)r.CreatedAt).FirstOrDefaultAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var notBefore = now + o.OutageRedeliveryDelay;
        if (requestCreated is null || notBefore > requestCreated + o.RequestTimeout)
            return false;

        var updated = await db.IngestionChunks
            .Where(c => c.Id == chunkId && ChunkStatuses.InFlight.Contains(c.Status))
            .ExecuteUpdateAsync(u => u
                .SetProperty(c => c.Status, ChunkStatuses.Pending)
                .SetProperty(c => c.NotBefore, notBefore)
                .SetProperty(c => c.ErrorClass, nameof(ErrorClass.Transient))
                .SetProperty(c => c.ErrorMessage, message)
                .SetProperty(c => c.Version, c => c.Version + 1), ct);
        if (updated == 1)
            logger.LogInformation("Chunk {ChunkId} met an outage ({Message}); collected again from {NotBefore:u}", chunkId, message, notBefore);
        return true;
    }

    /// <summary>first, 4×first, 16×first, …; a provider's Retry-After wins when it is longer.</summary>
    public static TimeSpan Delay(TimeSpan first, int redeliveriesSoFar, TimeSpan? retryAfter)
    {
        var backoff = first * Math.Pow(4, redeliveriesSoFar);
        return retryAfter is { } after && after > backoff ? after : backoff;
    }
}
