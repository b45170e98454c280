using InvestmentPlatform.Ingestion.Planning;
using InvestmentPlatform.Ingestion.Dispatch;
using InvestmentPlatform.Ingestion.Sweeping;
using InvestmentPlatform.Ingestion;
using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Data;
using InvestmentPlatform.Messaging.Outbox;
using InvestmentPlatform.Ingestion.Rejections;
using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.Ingestion.Outcomes;

/// <summary>Ends a chunk that produced no rows or failed, together with its ChunkFinished, in one transaction.</summary>
public sealed class ChunkOutcomes(PlatformDbContext db, RejectionWriter rejections, TimeProvider clock)
{
    /// <returns>False when the chunk had already finished.</returns>
    public async Task<bool> FinishAsync(Guid chunkId, string status, long collected, long rejected,
        ErrorClass? errorClass, string? message, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var chunk = await db.IngestionChunks.FirstOrDefaultAsync(c => c.Id == chunkId, ct);
        if (chunk is null || ChunkStatuses.IsTerminal(chunk.Status))
            return false;
        chunk.Status = status;
        chunk.RecordsCollected = Math.Max(chunk.RecordsCollected, collected);
        chunk.RecordsRejected = Math.Max(chunk.RecordsRejected, rejected);
        // The collector records the precise class before it throws; a fault only knows the exception type.
        chunk.ErrorClass ??= errorClass?.ToString();
        chunk.ErrorMessage ??= message;
        chunk.FinishedAt = clock.GetUtcNow().UtcDateTime;
        chunk.Version++;
        db.EnqueuePublish(new ChunkFinished(chunk.RequestId, chunk.Id, chunk.Symbol, chunk.RecordsCollected, chunk.RecordsLoaded,
            chunk.RecordsRejected, Enum.TryParse<ErrorClass>(chunk.ErrorClass, out var ec) ? ec : null, chunk.ErrorMessage), chunk.RequestId);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// Gives the outcome of a finished chunk, with copies of its kept rejected rows, to the identical chunks of other
    /// requests that waited for it.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> SettleCoalescedAsync(Guid chunkId, CancellationToken ct)
    {
        var leader = await (from c in db.IngestionChunks
                            join r in db.IngestionRequests on c.RequestId equals r.Id
                            where c.Id == chunkId
                            select new { Chunk = c, r.Source, r.Interval }).AsNoTracking().FirstOrDefaultAsync(ct);
        if (leader is null || !ChunkStatuses.IsTerminal(leader.Chunk.Status))
            return [];
        var followers = await (from c in db.IngestionChunks
                               join r in db.IngestionRequests on c.RequestId equals r.Id
                               // One planned after the leader finished waits for another leader, not this one.
                               where c.Status == ChunkStatuses.Coalesced && c.Symbol == leader.Chunk.Symbol
                                     && c.From == leader.Chunk.From && c.To == leader.Chunk.To && c.CreatedAt <= leader.Chunk.FinishedAt
                                     && r.Source == leader.Source && r.Interval == leader.Interval
                               select c).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var f in followers)
        {
            f.Status = leader.Chunk.Status;
            f.RecordsCollected = leader.Chunk.RecordsCollected;
            f.RecordsLoaded = leader.Chunk.RecordsLoaded;
            f.RecordsRejected = leader.Chunk.RecordsRejected;
            f.ErrorClass = leader.Chunk.ErrorClass;
            f.ErrorMessage = leader.Chunk.ErrorMessage;
            f.StartedAt = leader.Chunk.StartedAt;
            f.FinishedAt = now;
            f.Version++;
        }
        await rejections.StageCopiesAsync(leader.Chunk.Id, followers, now, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return [];
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
        return followers.Select(f => f.RequestId).Distinct().ToList();
    }
}
