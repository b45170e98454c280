using InvestmentPlatform.Ingestion.Planning;
using InvestmentPlatform.Ingestion.Dispatch;
using InvestmentPlatform.Ingestion.Sweeping;
using InvestmentPlatform.Ingestion;
using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Ingestion;
using InvestmentPlatform.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace InvestmentPlatform.Ingestion.Outcomes;

public enum CancelOutcome
{
    Cancelled,
    NotFound,
    AlreadyFinished,
}

/// <summary>
/// Stops a request: its unfinished chunks end cancelled, so the dispatcher sends none of them again and the loader drops
/// the parts of those in flight when they arrive; the request ends cancelled with its CollectionCancelled.
/// </summary>
public sealed class RequestCancellation(PlatformDbContext db, TimeProvider clock, ILogger<RequestCancellation> logger)
{
    public async Task<CancelOutcome> CancelAsync(Guid requestId, string reason, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var request = await db.IngestionRequests.FirstOrDefaultAsync(r => r.Id == requestId, ct);
            if (request is null)
                return CancelOutcome.NotFound;
            if (request.Status is not (IngestionStatuses.Pending or IngestionStatuses.Running))
                return CancelOutcome.AlreadyFinished;

            var now = clock.GetUtcNow().UtcDateTime;
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.IngestionChunks.Where(c => c.RequestId == requestId && ChunkStatuses.Active.Contains(c.Status))
                .ExecuteUpdateAsync(u => u
                    .SetProperty(c => c.Status, ChunkStatuses.Cancelled)
                    .SetProperty(c => c.ErrorMessage, reason)
                    .SetProperty(c => c.FinishedAt, now)
                    .SetProperty(c => c.Version, c => c.Version + 1), ct);
            await db.DataCollectionLog.Where(l => l.RequestId == requestId && l.Status == IngestionStatuses.Running)
                .ExecuteUpdateAsync(u => u
                    .SetProperty(l => l.Status, IngestionStatuses.Cancelled)
                    .SetProperty(l => l.FinishedAt, now), ct);
            request.Status = IngestionStatuses.Cancelled;
            request.ErrorMessage = reason;
            request.CompletedAt = now;
            request.UpdatedAt = now;
            request.ChunksDone = request.ChunksTotal;
            request.Version++;
            db.EnqueuePublish(new CollectionCancelled(request.Id, request.JobId, request.RunId, reason, now), request.Id);
            try
            {
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                logger.LogInformation("Request {RequestId} cancelled: {Reason}", requestId, reason);
                return CancelOutcome.Cancelled;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 5)
            {
                // The tally or the planner moved the request meanwhile: read it again.
                await tx.RollbackAsync(ct);
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
    }
}
