using InvestmentPlatform.Contracts;
using InvestmentPlatform.Contracts.Scheduler;
using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Contracts.Reports;
using InvestmentPlatform.Data.Scheduler;
using InvestmentPlatform.Ingestion.Planning;
using InvestmentPlatform.Ingestion.Dispatch;
using InvestmentPlatform.Ingestion.Outcomes;
using InvestmentPlatform.Ingestion.Sweeping;
using InvestmentPlatform.Ingestion;
using InvestmentPlatform.Scheduler.Jobs;
using InvestmentPlatform.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InvestmentPlatform.Scheduler.Runs;

/// <summary>
/// Ends runs: their request's outcome, progress along the way, a timeout, or a cancel. A failure that may pass next
/// time queues a retry run in the same change.
/// </summary>
public sealed class RunOutcomes(RunStore store, RequestCancellation requests, IOptions<SchedulerOptions> options)
{
    /// <summary>Marks running runs past their job's timeout as timed_out (and schedules a retry when allowed).</summary>
    public async Task<int> TimeOutOverdueAsync(CancellationToken ct)
    {
        var now = store.Now;
        var running = await (from r in store.Db.JobRuns
                             join j in store.Db.SchedulerJobs on r.JobId equals j.Id
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
        return await store.ChangeAsync(runId, run =>
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
        var run = await store.Db.JobRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, ct);
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

    /// <summary>A report job's report was built, or could not be: the run ends with it.</summary>
    public Task<bool> ReportFinishedAsync(ReportReady m, CancellationToken ct) =>
        m.RunId is not { } runId
            ? Task.FromResult(false)
            : m.Status == WorkStatuses.Succeeded
                ? FinishAsync(runId, RunStatuses.Succeeded, null, null, null, ct)
                : FinishAsync(runId, RunStatuses.Failed, nameof(ErrorClass.BadRequest), m.Error, null, ct);

    public Task<bool> ProgressAsync(CollectionProgress m, CancellationToken ct) =>
        m.RunId is not { } runId
            ? Task.FromResult(false)
            : store.ChangeAsync(runId, run =>
            {
                if (run.Status != RunStatuses.Running || (run.RecordsCollected >= m.RecordsCollected && run.RecordsLoaded >= m.RecordsLoaded))
                    return Task.FromResult(false);
                run.RecordsCollected = Math.Max(run.RecordsCollected, m.RecordsCollected);
                run.RecordsLoaded = Math.Max(run.RecordsLoaded, m.RecordsLoaded);
                return Task.FromResult(true);
            }, ct);

    private async Task<bool> FinishAsync(Guid runId, string status, string? errorClass, string? message, CollectionCompleted? counts, CancellationToken ct) =>
        await store.ChangeAsync(runId, async run =>
        {
            if (!RunTransitions.CanMove(run.Status, status))
                return false;
            var now = store.Now;
            run.Status = status;
            run.FinishedAt = now;
            run.StartedAt ??= now;
            run.DurationMs = Math.Max(0, (now - run.StartedAt.Value).TotalMilliseconds);
            if (counts is not null)
            {
                run.RecordsCollected = counts.RecordsCollected;
                run.RecordsLoaded = counts.RecordsLoaded;
                run.RecordsRejected = counts.RecordsRejected;
            }
            if (status != RunStatuses.Succeeded)
                run.ErrorClass = errorClass;
            run.ErrorMessage = message;

            var job = await store.Db.SchedulerJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == run.JobId, ct);
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
                store.Db.JobRuns.Add(retry);
                await store.AnnounceAsync(job, retry, ct);
            }
            return true;
        }, ct);
}
