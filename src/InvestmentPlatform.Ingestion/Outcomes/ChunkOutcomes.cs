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
        var leader = await db.IngestionChunks.AsNoTracking().FirstOrDefaultAsync(c => c.Id == chunkId, ct);
        if (leader is null || !ChunkStatuses.IsTerminal(leader.Status))
            return [];
        var followers = await (from p in IdenticalChunks.Pairs(db)
                               // One planned after the leader finished waits for another leader, not this one.
                               where p.Other.Id == chunkId && p.Chunk.Status == ChunkStatuses.Coalesced && p.Chunk.CreatedAt <= p.Other.FinishedAt
                               select p.Chunk).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var f in followers)
        {
            f.Status = leader.Status;
            f.RecordsCollected = leader.RecordsCollected;
            f.RecordsLoaded = leader.RecordsLoaded;
            f.RecordsRejected = leader.RecordsRejected;
            f.ErrorClass = leader.ErrorClass;
            f.ErrorMessage = leader.ErrorMessage;
            f.StartedAt = leader.StartedAt;
            f.FinishedAt = now;
            f.Version++;
        }
        await rejections.StageCopiesAsync(leader.Id, followers, now, ct);
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
