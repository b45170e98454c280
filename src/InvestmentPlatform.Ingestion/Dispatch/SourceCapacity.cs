using InvestmentPlatform.Ingestion.Planning;
using InvestmentPlatform.Ingestion.Outcomes;
using InvestmentPlatform.Ingestion.Sweeping;
using InvestmentPlatform.Ingestion;
using InvestmentPlatform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InvestmentPlatform.Ingestion.Dispatch;

/// <summary>
/// How many chunks of one source may be in flight over the whole platform: the source's own cap when one is set
/// (a provider's rate limit), otherwise <see cref="IngestionOptions.ChunksInFlightPerWorker"/> for each worker present.
/// </summary>
public sealed class SourceCapacity(PlatformDbContext db, IOptions<IngestionOptions> options, TimeProvider clock)
{
    public async Task<int> ChunksInFlightAsync(string source, CancellationToken ct)
    {
        var o = options.Value;
        if (o.MaxChunksInFlight.TryGetValue(source, out var fixedCap))
            return fixedCap;
        var seenAfter = clock.GetUtcNow().UtcDateTime - o.WorkerPresenceTimeout;
        // The process asking is a worker itself, even before its first heartbeat lands.
        var workers = Math.Max(1, await db.WorkerPresence.CountAsync(w => w.SeenAt > seenAfter, ct));
        return o.ChunksInFlightPerWorker * workers;
    }

    /// <summary>Chunks of the source one worker process collects at once.</summary>
    public static int PerProcess(IngestionOptions o, string source) =>
        o.MaxChunksInFlight.TryGetValue(source, out var fixedCap) ? Math.Min(fixedCap, o.ChunksInFlightPerWorker) : o.ChunksInFlightPerWorker;
}
