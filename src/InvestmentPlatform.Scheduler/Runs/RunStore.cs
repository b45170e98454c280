using InvestmentPlatform.Data.Assets;
using System.Text.Json;
using InvestmentPlatform.Contracts.Scheduler;
using InvestmentPlatform.Data;
using InvestmentPlatform.Messaging.Outbox;
using InvestmentPlatform.Data.Scheduler;
using InvestmentPlatform.Scheduler.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace InvestmentPlatform.Scheduler.Runs;

/// <summary>
/// The run process manager's state is the <c>job_runs</c> table: every change is one SaveChanges that checks the row's
/// version (optimistic concurrency) and writes the messages it causes to the outbox, so two scheduler processes,
/// crashes and redelivered messages cannot move a run twice or lose a step.
/// </summary>
public sealed class RunStore(PlatformDbContext db, TimeProvider clock, ILogger<RunStore> logger)
{
    private const int ConflictAttempts = 5;

    public PlatformDbContext Db => db;

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Loads the run, applies <paramref name="change"/>, and saves with the version check; re-reads on conflict. A new
    /// status must be one <see cref="RunTransitions"/> allows from the one read, and is announced.
    /// </summary>
    public async Task<bool> ChangeAsync(Guid runId, Func<JobRun, Task<bool>> change, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var run = await db.JobRuns.FirstOrDefaultAsync(r => r.Id == runId, ct);
            if (run is null)
                return false;
            var before = run.Status;
            if (!await change(run))
                return false;
            run.Version++;
            if (run.Status != before)
            {
                if (!RunTransitions.CanMove(before, run.Status))
                    throw new InvalidOperationException($"Run {runId} cannot move from {before} to {run.Status}.");
                var job = await db.SchedulerJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == run.JobId, ct);
                await AnnounceAsync(job, run, ct);
            }
            try
            {
                await db.SaveChangesAsync(ct);
                return true;
            }
            catch (DbUpdateConcurrencyException) when (attempt < ConflictAttempts)
            {
                logger.LogDebug("Run {RunId} changed concurrently; reading it again", runId);
            }
        }
    }

    /// <summary>Saves a run created with a deterministic id; false when another process created it first.</summary>
    public async Task<bool> SaveNewAsync(JobRun run, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            // Another process created the same run first (same deterministic id): that one stands.
            if (await db.JobRuns.AsNoTracking().AnyAsync(r => r.Id == run.Id, ct))
                return false;
            throw;
        }
    }

    /// <summary>Puts the run's new status in the outbox, with whose job it is and what it concerns, for the hub's topics.</summary>
    public async Task AnnounceAsync(SchedulerJob? job, JobRun run, CancellationToken ct)
    {
        var symbols = job is null ? [] : JsonSerializer.Deserialize<List<string>>(job.Symbols) ?? [];
        var type = job?.AssetType
                   ?? (job?.AssetFilter is { } filter ? JsonSerializer.Deserialize<Dictionary<string, string>>(filter)?.GetValueOrDefault("assetType") : null);
        var types = await db.Assets.TypesOfAsync(symbols, type, ct);
        db.EnqueuePublish(new JobRunStatusChanged(run.JobId, run.Id, job?.Name ?? "", run.Status, run.RecordsLoaded, run.ErrorClass,
            run.Status is RunStatuses.Failed or RunStatuses.Skipped or RunStatuses.TimedOut ? run.ErrorMessage : null, Now,
            new JobOwner(job?.OwnerId), symbols, types), run.JobId);
    }
}
