using InvestmentPlatform.Contracts.Scheduler;
using InvestmentPlatform.Analytics;
using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Data.Scheduler;
using InvestmentPlatform.Ingestion.Requests;
using InvestmentPlatform.Ingestion.Uploads;
using InvestmentPlatform.Reports.Requests;
using InvestmentPlatform.Scheduler.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace InvestmentPlatform.Scheduler.Runs;

/// <summary>
/// Starts runs: a firing, a manual trigger, a dependency or a due retry becomes a running run and its collection
/// request (or, for a report job, its report request), submitted through the same writer as the API's and the CLI's
/// and committed with the run.
/// </summary>
public sealed class RunStarter(
    RunStore store, IngestionRequestWriter requests, ReportRequestWriter reports, RequestLimits limits, ILogger<RunStarter> logger)
{
    /// <summary>Starts a run of <paramref name="jobId"/> now. Null when the job is gone or the run id already exists.</summary>
    public async Task<JobRun?> StartAsync(Guid jobId, string trigger, Guid runId, Guid? chainId, DateTime scheduledAt, CancellationToken ct)
    {
        var db = store.Db;
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
        await store.AnnounceAsync(job, run, ct);
        return await store.SaveNewAsync(run, ct) ? run : null;
    }

    /// <summary>Moves due retries (pending rows whose time has come) to running.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken ct)
    {
        var now = store.Now;
        var due = await store.Db.JobRuns.Where(r => r.Status == RunStatuses.Pending && r.ScheduledAt <= now)
            .OrderBy(r => r.ScheduledAt).Take(100).Select(r => r.Id).ToListAsync(ct);
        var count = 0;
        foreach (var id in due)
        {
            var moved = await store.ChangeAsync(id, async run =>
            {
                if (run.Status != RunStatuses.Pending)
                    return false;
                var job = await store.Db.SchedulerJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == run.JobId, ct);
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

    private async Task DispatchAsync(SchedulerJob job, JobRun run, CancellationToken ct)
    {
        if (job.Kind == JobKinds.Report)
        {
            await DispatchReportAsync(job, run, ct);
            return;
        }
        var now = store.Now;
        var symbols = await ResolveSymbolsAsync(job, ct);
        if (symbols.Count == 0)
        {
            FailAtDispatch(run, now, ErrorClass.NotFound, $"The asset filter {job.AssetFilter} matched no assets.");
            return;
        }
        // Checked again here: an asset filter resolves to symbols only now, and a job may predate a limit.
        var from = now.AddDays(-job.LookbackDays);
        var refusal = limits.CheckSymbols(symbols).Concat(limits.CheckRange(from, now)).FirstOrDefault()
                      ?? limits.CheckSize(null, job.Interval, symbols.Count, from, now).FirstOrDefault();
        if (refusal is not null)
        {
            FailAtDispatch(run, now, ErrorClass.BadRequest, refusal.Message);
            return;
        }
        // Checked again here: a kept upload may have been removed since the job was saved.
        var options = JobMapping.ReadFilter(job.Options);
        if (CsvUploads.IdOf(options) is { } upload && !await store.Db.KeptUploads.AnyAsync(u => u.Id == upload, ct))
        {
            FailAtDispatch(run, now, ErrorClass.BadRequest, $"The job's upload {upload:N} has been removed: upload the file again and edit the job.");
            return;
        }
        try
        {
            var request = await requests.AddAsync(new IngestionSubmission(job.Source, symbols, job.AssetType, job.Interval, from, now,
                job.Mode, options, JobId: job.Id, RunId: run.Id, RequestedBy: job.OwnerId, Door: SubmissionDoor.Scheduler), ct);
            run.Status = RunStatuses.Running;
            run.StartedAt = now;
            run.RequestId = request.Id;
        }
        catch (QuotaExceededException ex)
        {
            // The source's rows for the day are spent: a retry after the backoff may find them renewed.
            FailAtDispatch(run, now, ErrorClass.RateLimited, ex.Message);
        }
    }

    /// <summary>The report is asked for as its owner would ask, checked again now: a portfolio or asset may be gone.</summary>
    private async Task DispatchReportAsync(SchedulerJob job, JobRun run, CancellationToken ct)
    {
        var now = store.Now;
        if (job.OwnerId is null || JobMapping.ReadReport(job.Report) is not { } report)
        {
            FailAtDispatch(run, now, ErrorClass.BadRequest, "The report job has no owner or no report: edit the job.");
            return;
        }
        try
        {
            var request = await reports.AddAsync(report, job.OwnerId, admin: false, run.Id, ct);
            run.Status = RunStatuses.Running;
            run.StartedAt = now;
            run.ReportId = request.Id;
        }
        catch (AnalyticsException ex)
        {
            // Too many of the owner's reports in progress may pass by the retry; a bad subject will not.
            FailAtDispatch(run, now, ex.Kind == AnalyticsErrorKind.Conflict ? ErrorClass.RateLimited : ErrorClass.BadRequest, ex.Message);
        }
    }

    private static void FailAtDispatch(JobRun run, DateTime now, ErrorClass errorClass, string message)
    {
        run.Status = RunStatuses.Failed;
        run.StartedAt = now;
        run.FinishedAt = now;
        run.DurationMs = 0;
        run.ErrorClass = errorClass.ToString();
        run.ErrorMessage = message;
    }

    private async Task<IReadOnlyList<string>> ResolveSymbolsAsync(SchedulerJob job, CancellationToken ct)
    {
        var symbols = JobMapping.ReadList(job.Symbols);
        if (symbols.Count > 0 || JobMapping.ReadFilter(job.AssetFilter) is not { } filter)
            return symbols;
        var assets = store.Db.Assets.AsNoTracking();
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
}
