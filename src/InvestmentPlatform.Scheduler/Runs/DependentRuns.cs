using InvestmentPlatform.Contracts.Scheduler;
using InvestmentPlatform.Data.Scheduler;
using InvestmentPlatform.Scheduler.Jobs;
using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.Scheduler.Runs;

/// <summary>
/// After a run finished: start, skip or keep waiting on each enabled dependent. A dependent starts once every
/// upstream job's latest run succeeded, and is skipped (with the reason) when one of them failed for good.
/// </summary>
public sealed class DependentRuns(RunStore store, RunStarter starter)
{
    public async Task EvaluateAsync(Guid runId, CancellationToken ct)
    {
        var db = store.Db;
        var run = await db.JobRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, ct);
        if (run is null || !RunStatuses.IsFinished(run.Status))
            return;
        // A failed attempt with a retry queued is not the last word.
        if (await db.JobRuns.AnyAsync(r => r.JobId == run.JobId && r.ChainId == run.ChainId && r.Attempt > run.Attempt, ct))
            return;

        var dependents = await (from d in db.SchedulerJobDependencies
                                join j in db.SchedulerJobs on d.JobId equals j.Id
                                where d.DependsOnJobId == run.JobId && j.Enabled
                                select j.Id).ToListAsync(ct);
        var chainId = run.ChainId ?? run.Id;
        foreach (var dependentId in dependents)
        {
            var (waiting, blocked) = await UpstreamAsync(dependentId, ct);
            var id = RunIds.ForDependent(chainId, dependentId);
            if (blocked is not null)
                await SkipAsync(dependentId, id, chainId, blocked, ct);
            else if (!waiting)
                await starter.StartAsync(dependentId, RunTriggers.Dependency, id, chainId, store.Now, ct);
        }
    }

    /// <summary>Whether an upstream job of <paramref name="jobId"/> is still to finish, or why one blocks it.</summary>
    private async Task<(bool Waiting, string? Blocked)> UpstreamAsync(Guid jobId, CancellationToken ct)
    {
        var db = store.Db;
        var upstreamIds = await db.SchedulerJobDependencies.Where(d => d.JobId == jobId).Select(d => d.DependsOnJobId).ToListAsync(ct);
        var waiting = false;
        foreach (var upstreamId in upstreamIds)
        {
            var latest = await db.JobRuns.AsNoTracking().Where(r => r.JobId == upstreamId)
                .OrderByDescending(r => r.ScheduledAt).ThenByDescending(r => r.Attempt).FirstOrDefaultAsync(ct);
            if (latest is null || !RunStatuses.IsFinished(latest.Status))
            {
                waiting = true;
                continue;
            }
            if (latest.Status != RunStatuses.Succeeded)
            {
                var name = await db.SchedulerJobs.Where(j => j.Id == upstreamId).Select(j => j.Name).FirstAsync(ct);
                return (waiting, $"Upstream job '{name}' {latest.Status.Replace('_', ' ')}" +
                                 (latest.ErrorMessage is { } why ? $": {why}" : "."));
            }
        }
        return (waiting, null);
    }

    private async Task SkipAsync(Guid jobId, Guid runId, Guid chainId, string reason, CancellationToken ct)
    {
        var db = store.Db;
        var job = await db.SchedulerJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == jobId, ct);
        if (job is null || await db.JobRuns.AnyAsync(r => r.Id == runId, ct))
            return;
        var now = store.Now;
        var run = new JobRun
        {
            Id = runId, JobId = jobId, Status = RunStatuses.Skipped, Trigger = RunTriggers.Dependency, ChainId = chainId,
            ScheduledAt = now, FinishedAt = now, ErrorMessage = reason,
        };
        db.JobRuns.Add(run);
        await store.AnnounceAsync(job, run, ct);
        await store.SaveNewAsync(run, ct);
    }
}
