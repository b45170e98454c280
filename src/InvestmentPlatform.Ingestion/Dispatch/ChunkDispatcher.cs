using InvestmentPlatform.Ingestion.Planning;
using InvestmentPlatform.Ingestion.Outcomes;
using InvestmentPlatform.Ingestion.Sweeping;
using InvestmentPlatform.Ingestion;
using System.Collections.Concurrent;
using System.Text.Json;
using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Data;
using InvestmentPlatform.Ingestion.Collection;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.Ingestion.Dispatch;

/// <summary>Hands pending chunks to a source's queue, keeping at most <see cref="SourceCapacity"/> of that source in flight.</summary>
public sealed class ChunkDispatcher(
    PlatformDbContext db,
    ISendEndpointProvider sendEndpoints,
    CollectorQueues queues,
    SourceCapacity capacity,
    TimeProvider clock)
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new();

    /// <summary>
    /// How long the sends may wait for the broker. They run inside the claiming transaction, which holds the source's
    /// lock: a send left to wait out a broker outage would make every other dispatcher wait on that lock until its
    /// database command timed out.
    /// </summary>
    public static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(5);

    public async Task<int> DispatchAsync(string source, CancellationToken ct)
    {
        var gate = Gates.GetOrAdd(source, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            return await DispatchLockedAsync(source, ct);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <remarks>
    /// The messages are sent before the claims commit. A crash in between leaves a message for a chunk still pending:
    /// its collector starts it anyway (status is only checked for an end), and at worst it is dispatched and collected
    /// twice, which the loader's upsert makes harmless. Sent after the commit, a crash in between would have left a
    /// claimed chunk with no message, stalled until its lease ran out. A send that fails rolls the claims back.
    /// </remarks>
    private async Task<int> DispatchLockedAsync(string source, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (db.Provider == DatabaseProvider.Postgres)
            // Dispatchers in other processes wait here, so the in-flight count they read is current.
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock(hashtext({"dispatch:" + source}))", ct);

        var chunks = from c in db.IngestionChunks
                     join r in db.IngestionRequests on c.RequestId equals r.Id
                     where r.Source == source
                     select new { Chunk = c, Request = r };
        var inFlight = await chunks.CountAsync(x => ChunkStatuses.InFlight.Contains(x.Chunk.Status), ct);
        var free = await capacity.ChunksInFlightAsync(source, ct) - inFlight;
        if (free <= 0)
            return 0;

        var now = clock.GetUtcNow().UtcDateTime;
        var next = await chunks.Where(x => x.Chunk.Status == ChunkStatuses.Pending && x.Request.Status == IngestionStatuses.Running
                                           && (x.Chunk.NotBefore == null || x.Chunk.NotBefore <= now))
            .OrderBy(x => x.Chunk.CreatedAt).ThenBy(x => x.Chunk.From).Take(free)
            .Select(x => new { x.Chunk.Id, x.Chunk.Symbol, x.Chunk.From, x.Chunk.To, x.Request })
            .AsNoTracking().ToListAsync(ct);
        var toSend = new List<CollectChunk>();
        foreach (var c in next)
        {
            var claimed = await db.IngestionChunks
                .Where(x => x.Id == c.Id && x.Status == ChunkStatuses.Pending)
                .ExecuteUpdateAsync(u => u
                    .SetProperty(x => x.Status, ChunkStatuses.Dispatched)
                    .SetProperty(x => x.StartedAt, now)
                    .SetProperty(x => x.ProgressAt, now)
                    .SetProperty(x => x.Version, x => x.Version + 1), ct);
            if (claimed == 1)
                toSend.Add(new CollectChunk(c.Request.Id, c.Id, c.Request.Source, c.Symbol, c.Request.AssetType,
                    c.Request.Interval, c.From, c.To,
                    c.Request.Options is null ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(c.Request.Options)));
        }

        if (toSend.Count > 0)
            await SendAsync(source, toSend, ct);
        await tx.CommitAsync(ct);
        return toSend.Count;
    }

    private async Task SendAsync(string source, List<CollectChunk> messages, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(SendTimeout);
        try
        {
            var endpoint = await sendEndpoints.GetSendEndpoint(queues.Address(source)).WaitAsync(timeout.Token);
            foreach (var m in messages)
                await endpoint.Send(m, timeout.Token);
        }
        catch (OperationCanceledException ex) when (!ct.IsCancellationRequested)
        {
            // Rolls the claims back; the sweeper dispatches them again once the broker is back.
            throw new TransportUnavailableException($"The broker did not take the {source} chunks within {SendTimeout.TotalSeconds:0} s", ex);
        }
    }
}
