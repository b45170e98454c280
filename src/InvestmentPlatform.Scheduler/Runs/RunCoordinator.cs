using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Contracts.Scheduler;
using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Outbox;
using InvestmentPlatform.Data.Scheduler;
using InvestmentPlatform.Ingestion.Coordinator;
using InvestmentPlatform.Ingestion.Requests;
using InvestmentPlatform.Scheduler.Jobs;
using InvestmentPlatform.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InvestmentPlatform.Scheduler.Runs;

/// <summary>
/// The run process manager. Its state is the <c>job_runs</c> table: every transition is one SaveChanges that
/// checks the row's version (optimistic concurrency) and writes the messages it causes to the outbox, so two
/// scheduler processes, crashes and redelivered messages cannot move a run twice or lose a step.
/// </summary>
public sealed class RunCoordinator(
    PlatformDbContext db,
    RequestLimits limits,
    RequestCancellation requests,
    IOptions<SchedulerOptions> options,
    TimeProvider clock,
    ILogger<RunCoordinator> logger)
{
    private const int ConflictAttempts = 5;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Starts a run of <paramref name="jobId"/> now. Null when the job is gone or the run id already exists.</summary>
    public async Task<JobRun?> StartAsync(Guid jobId, string trigger, Guid runId, Guid? chainId, DateTime scheduledAt, CancellationToken ct)
    {
        var job = await db.SchedulerJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == jobId, ct);
        if (job is null || await db.JobRuns.AnyAsync(r => r.Id == runId, ct))
            return null;
        // A pause removes the job's trigger a moment after it is saved; a firing caught in between starts nothing.
        if (!job.Enabled && trigger == RunTriggers.Schedule)
        {
            logger.LogInformation("Job {JobId} is paused: its firing for {Scheduled:o} starts no run", jobId, scheduledAt);
            return null;
        }

        var run = new JobRun
        {
            Id = runId, JobId = jobId, Status = RunStatuses.Pending, Trigger = trigger,
            ChainId = chainId ?? runId, ScheduledAt = scheduledAt,
        };
        db.JobRuns.Add(run);
        await DispatchAsync(job, run, ct);
        return await SaveNewAsync(run, ct) ? run : null;
    }

    /// <summary>Moves due retries (pending rows whose time has come) to running.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken ct)
    {
        var now = Now;
        var due = await db.JobRuns.Where(r => r.Status == RunStatuses.Pending && r.ScheduledAt <= now)
            .OrderBy(r => r.ScheduledAt).Take(100).Select(r => r.Id).ToListAsync(ct);
        var count = 0;
        foreach (var id in due)
        {
            var moved = await TransitionAsync(id, async run =>
            {
                if (run.Status != RunStatuses.Pending)
                    return false;
                var job = await db.SchedulerJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == run.JobId, ct);
                if (job is null)
                    return false;
                await DispatchAsync(job, run, ct);
                return true;
            }, ct);
            if (moved)
                count++;
        }
        return count;
    }

    /// <summary>Marks running runs past their job's timeout as timed_out (and schedules a retry when allowed).</summary>
    public async Task<int> TimeOutOverdueAsync(CancellationToken ct)
    {
        var now = Now;
        var running = await (from r in db.JobRuns
                             join j in db.SchedulerJobs on r.JobId equals j.Id
                             where r.Status == RunStatuses.Running && j.TimeoutSeconds > 0 && r.StartedAt != null
                             select new { r.Id, r.StartedAt, j.TimeoutSeconds }).ToListAsync(ct);
        var count = 0;
        foreach (var overdue in running.Where(r => r.StartedAt!.Value.AddSeconds(r.TimeoutSeconds) <= now))
        {
            if (await FinishAsync(overdue.Id, RunStatuses.TimedOut, nameof(ErrorClass.Timeout),
                    $"The run did not finish within {overdue.TimeoutSeconds} s.", null, ct))
                count++;
        }
        return count;
    }

    public Task<bool> CompleteAsync(CollectionCompleted m, CancellationToken ct) =>
        m.RunId is not { } runId
            ? Task.FromResult(false)
            : FinishAsync(runId, RunStatuses.Succeeded, null,
                m.FailedSymbols.Count > 0 ? $"Symbols that failed: {string.Join(", ", m.FailedSymbols)}" : null, m, ct);

    /// <summary>A request-level failure finishes the run; a per-symbol one is noted while the request goes on.</summary>
    public async Task<bool> FailAsync(CollectionFailed m, CancellationToken ct)
    {
        if (m.RunId is not { } runId)
            return false;
        if (m.Symbol is null)
            return await FinishAsync(runId, RunStatuses.Failed, m.ErrorClass.ToString(), m.Message, null, ct);
        return await TransitionAsync(runId, run =>
        {
            if (RunStatuses.IsFinished(run.Status))
                return Task.FromResult(false);
            run.ErrorClass = m.ErrorClass.ToString();
            run.ErrorMessage = $"{m.Symbol}: {m.Message}";
            return Task.FromResult(true);
        }, ct);
    }

    /// <summary>Stops a run: a pending one is never dispatched, a running one has its request cancelled. Never retried.</summary>
    public async Task<CancelOutcome> CancelAsync(Guid runId, CancellationToken ct)
    {
        var run = await db.JobRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, ct);
        if (run is null)
            return CancelOutcome.NotFound;
        if (!await FinishAsync(runId, RunStatuses.Cancelled, null, "Cancelled through the API.", null, ct))
            return CancelOutcome.AlreadyFinished;
        if (run.RequestId is { } requestId)
            await requests.CancelAsync(requestId, "Its scheduler run was cancelled.", ct);
        return CancelOutcome.Cancelled;
    }

    /// <summary>The run's request was cancelled directly: the run ends cancelled too.</summary>
    public Task<bool> CancelledAsync(CollectionCancelled m, CancellationToken ct) =>
        m.RunId is not { } runId ? Task.FromResult(false) : FinishAsync(runId, RunStatuses.Cancelled, null, m.Reason, null, ct);

    public Task<bool> ProgressAsync(CollectionProgress m, CancellationToken ct) =>
        m.RunId is not { } runId
            ? Task.FromResult(false)
            : TransitionAsync(runId, run =>
            {
                if (run.Status != RunStatuses.Running || (run.RecordsCollected >= m.RecordsCollected && run.RecordsLoaded >= m.RecordsLoaded))
                    return Task.FromResult(false);
                run.RecordsCollected = Math.Max(run.RecordsCollected, m.RecordsCollected);
                run.RecordsLoaded = Math.Max(run.RecordsLoaded, m.RecordsLoaded);
                return Task.FromResult(true);
            }, ct);

    /// <summary>
    /// After a run finished: start, skip or keep waiting on each enabled dependent. A dependent starts once every
    /// upstream job's latest run succeeded, and is skipped (with the reason) when one of them failed for good.
    /// </summary>
    public async Task EvaluateDependentsAsync(Guid runId, CancellationToken ct)
    {
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
            var upstreamIds = await db.SchedulerJobDependencies.Where(d => d.JobId == dependentId).Select(d => d.DependsOnJobId).ToListAsync(ct);
            string? blocked = null;
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
                    blocked = $"Upstream job '{name}' {latest.Status.Replace('_', ' ')}" +
                              (latest.ErrorMessage is { } why ? $": {why}" : ".");
                    break;
                }
            }

            var id = RunIds.ForDependent(chainId, dependentId);
            if (blocked is not null)
                await SkipAsync(dependentId, id, chainId, blocked, ct);
            else if (!waiting)
                await StartAsync(dependentId, RunTriggers.Dependency, id, chainId, Now, ct);
        }
    }

    private async Task SkipAsync(Guid jobId, Guid runId, Guid chainId, string reason, CancellationToken ct)
    {
        var job = await db.SchedulerJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == jobId, ct);
        if (job is null || await db.JobRuns.AnyAsync(r => r.Id == runId, ct))
            return;
        var now = Now;
        var run = new JobRun
        {
            Id = runId, JobId = jobId, Status = RunStatuses.Skipped, Trigger = RunTriggers.Dependency, ChainId = chainId,
            ScheduledAt = now, FinishedAt = now, ErrorMessage = reason,
        };
        db.JobRuns.Add(run);
        Announce(job.Name, run);
        await SaveNewAsync(run, ct);
    }

    private async Task<bool> FinishAsync(Guid runId, string status, string? errorClass, string? message, CollectionCompleted? counts, CancellationToken ct) =>
        await TransitionAsync(runId, async run =>
        {
            if (RunStatuses.IsFinished(run.Status))
                return false;
            var now = Now;
            run.Status = status;
            run.FinishedAt = now;
            run.StartedAt ??= now;
            run.DurationMs = Math.Max(0, (now - DateTime.SpecifyKind(run.StartedAt.Value, DateTimeKind.Utc)).TotalMilliseconds);
            if (counts is not null)
            {
                run.RecordsCollected = counts.RecordsCollected;
                run.RecordsLoaded = counts.RecordsLoaded;
                run.RecordsRejected = counts.RecordsRejected;
            }
            if (status != RunStatuses.Succeeded)
                run.ErrorClass = errorClass;
            run.ErrorMessage = message;

            var job = await db.SchedulerJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == run.JobId, ct);
            PlatformMetrics.JobDuration.Record(run.DurationMs.Value / 1000,
                new KeyValuePair<string, object?>("job", job?.Name), new KeyValuePair<string, object?>("status", status));
            if (job is not null && status is not (RunStatuses.Succeeded or RunStatuses.Cancelled) && run.Attempt <= job.MaxRetries
                && RetryPolicy.IsRetryable(errorClass))
            {
                var retry = new JobRun
                {
                    Id = RunIds.ForRetry(run.Id), JobId = run.JobId, Status = RunStatuses.Pending, Trigger = RunTriggers.Retry,
                    Attempt = run.Attempt + 1, ChainId = run.ChainId, ScheduledAt = now + RetryPolicy.Delay(run.Attempt, options.Value),
                };
                db.JobRuns.Add(retry);
                Announce(job.Name, retry);
            }
            return true;
        }, ct);

    /// <summary>Loads the run, applies <paramref name="change"/>, and saves with the version check; re-reads on conflict.</summary>
    private async Task<bool> TransitionAsync(Guid runId, Func<JobRun, Task<bool>> change, CancellationToken ct)
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
                var name = await db.SchedulerJobs.Where(j => j.Id == run.JobId).Select(j => j.Name).FirstOrDefaultAsync(ct);
                Announce(name ?? "", run);
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

    private async Task<bool> SaveNewAsync(JobRun run, CancellationToken ct)
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

    private async Task DispatchAsync(SchedulerJob job, JobRun run, CancellationToken ct)
    {
        var now = Now;
        var symbols = await ResolveSymbolsAsync(job, ct);
        if (symbols.Count == 0)
        {
            FailAtDispatch(job, run, now, nameof(ErrorClass.NotFound), $"The asset filter {job.AssetFilter} matched no assets.");
            return;
        }
        // Checked again here: an asset filter resolves to symbols only now, and a job may predate a limit.
        var from = now.AddDays(-job.LookbackDays);
        var refusal = limits.CheckSymbols(symbols).Concat(limits.CheckRange(from, now)).FirstOrDefault()
                      ?? limits.CheckSize(null, job.Interval, symbols.Count, from, now).FirstOrDefault();
        if (refusal is not null)
        {
            FailAtDispatch(job, run, now, nameof(ErrorClass.BadRequest), refusal.Message);
            return;
        }
        run.Status = RunStatuses.Running;
        run.StartedAt = now;
        run.RequestId = Guid.CreateVersion7();
        db.EnqueuePublish(new CollectionRequested(run.RequestId.Value, job.Id, run.Id, job.Source, symbols, job.AssetType,
            job.Interval, from, now, job.Mode, now), run.RequestId);
        Announce(job.Name, run);
    }

    private void FailAtDispatch(SchedulerJob job, JobRun run, DateTime now, string errorClass, string message)
    {
        run.Status = RunStatuses.Failed;
        run.StartedAt = now;
        run.FinishedAt = now;
        run.DurationMs = 0;
        run.ErrorClass = errorClass;
        run.ErrorMessage = message;
        Announce(job.Name, run);
    }

    private async Task<IReadOnlyList<string>> ResolveSymbolsAsync(SchedulerJob job, CancellationToken ct)
    {
        var symbols = JobMapping.ReadList(job.Symbols);
        if (symbols.Count > 0 || JobMapping.ReadFilter(job.AssetFilter) is not { } filter)
            return symbols;
        var assets = db.Assets.AsNoTracking();
        if (filter.TryGetValue("assetType", out var type))
            assets = assets.Where(a => a.AssetType == type);
        if (filter.TryGetValue("source", out var source))
            assets = assets.Where(a => a.Source == source);
        if (filter.TryGetValue("exchange", out var exchange))
            assets = assets.Where(a => a.Exchange == exchange);
        if (filter.TryGetValue("currency", out var currency))
            assets = assets.Where(a => a.Currency == currency);
        return await assets.OrderBy(a => a.Symbol).Select(a => a.Symbol).ToListAsync(ct);
    }

    private void Announce(string jobName, JobRun run) =>
        db.EnqueuePublish(new JobRunStatusChanged(run.JobId, run.Id, jobName, run.Status, run.RecordsLoaded, run.ErrorClass,
            run.Status is RunStatuses.Failed or RunStatuses.Skipped or RunStatuses.TimedOut ? run.ErrorMessage : null, Now), run.JobId);
}
