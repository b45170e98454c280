using InvestmentPlatform.Contracts.Scheduler;
using InvestmentPlatform.Analytics;
using InvestmentPlatform.Data;
using InvestmentPlatform.Reports.Documents;
using InvestmentPlatform.Scheduler.Analytics;
using InvestmentPlatform.Scheduler.Jobs;
using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.Api.Reports;

/// <summary>
/// The scheduler report: per job in the period, its runs, success rate (succeeded over finished, as GET
/// /api/scheduler/analytics counts it), duration percentiles (nearest rank) and rows loaded; then each failure with its reason.
/// </summary>
public sealed class SchedulerReport(PlatformDbContext db, TimeProvider clock)
{
    public const int MaxFailuresListed = 1000;

    public async Task<ReportDocument> BuildAsync(Guid? jobId, DateTime? from, DateTime? to, CancellationToken ct)
    {
        var end = to ?? clock.GetUtcNow().UtcDateTime;
        var start = from ?? end.AddDays(-RunAnalyticsService.DefaultWindowDays);
        if (start >= end)
            throw AnalyticsException.Invalid("from", "from must be before to.");
        if ((end - start).TotalDays > RunAnalyticsService.MaxWindowDays)
            throw AnalyticsException.Invalid("to", $"the window must be at most {RunAnalyticsService.MaxWindowDays} days.");
        var jobs = await db.SchedulerJobs.AsNoTracking().Where(j => jobId == null || j.Id == jobId)
            .OrderBy(j => j.Name).Select(j => new { j.Id, j.Name, j.Source }).ToListAsync(ct);
        if (jobId is not null && jobs.Count == 0)
            throw AnalyticsException.NotFound("jobId", $"Job {jobId} does not exist.");

        var ids = jobs.Select(j => j.Id).ToList();
        var runs = await db.JobRuns.AsNoTracking()
            .Where(r => r.ScheduledAt >= start && r.ScheduledAt < end && ids.Contains(r.JobId))
            .Select(r => new { r.JobId, r.ScheduledAt, r.Status, r.DurationMs, r.RecordsLoaded, r.ErrorClass, r.ErrorMessage })
            .ToListAsync(ct);
        if (runs.Count == 0)
            throw AnalyticsException.Unprocessable("from", $"No runs between {start:yyyy-MM-dd HH:mm} and {end:yyyy-MM-dd HH:mm} UTC.");

        var byJob = runs.GroupBy(r => r.JobId).ToDictionary(g => g.Key, g => g.ToList());
        var perJob = new List<object?[]>();
        foreach (var job in jobs)
        {
            var mine = byJob.GetValueOrDefault(job.Id) ?? [];
            var figures = RunAnalytics.Compute(
                mine.Select(r => new RunFacts(r.ScheduledAt, r.Status, r.DurationMs, r.RecordsLoaded, r.ErrorClass)).ToList(),
                DateOnly.FromDateTime(start), DateOnly.FromDateTime(start));
            var durations = mine.Where(r => r.DurationMs is not null && r.Status is RunStatuses.Succeeded or RunStatuses.Failed or RunStatuses.TimedOut)
                .Select(r => r.DurationMs!.Value / 1000).Order().ToList();
            perJob.Add([
                job.Name, job.Source, (double)figures.Runs, (double)figures.Succeeded, (double)(figures.Failed + figures.TimedOut),
                (double)figures.Skipped, figures.SuccessRate, RunAnalytics.Percentile(durations, 0.5), RunAnalytics.Percentile(durations, 0.95),
                durations.Count > 0 ? durations[^1] : null, (double)figures.RecordsLoaded,
            ]);
        }
        var names = jobs.ToDictionary(j => j.Id, j => j.Name);
        var failures = runs.Where(r => r.Status is RunStatuses.Failed or RunStatuses.TimedOut)
            .OrderByDescending(r => r.ScheduledAt).Take(MaxFailuresListed)
            .Select(r => new object?[] { r.ScheduledAt, names[r.JobId], r.Status, r.ErrorClass, r.ErrorMessage }).ToList();

        return new ReportDocument("Scheduler report", jobId is null ? $"{jobs.Count} jobs" : jobs[0].Name, start, end,
            clock.GetUtcNow().UtcDateTime, "the platform's scheduler runs", false, [],
            [
                new ReportTable("Jobs",
                    [new("Job", CellKind.Text), new("Source", CellKind.Text), new("Runs", CellKind.Count), new("Succeeded", CellKind.Count),
                     new("Failed", CellKind.Count), new("Skipped", CellKind.Count), new("Success rate", CellKind.Percent),
                     new("p50 s", CellKind.Number), new("p95 s", CellKind.Number), new("Longest s", CellKind.Number), new("Rows loaded", CellKind.Count)],
                    perJob),
                new ReportTable("Failures",
                    [new("Scheduled", CellKind.Date), new("Job", CellKind.Text), new("Status", CellKind.Text), new("Error class", CellKind.Text),
                     new("Reason", CellKind.Text)], failures),
            ]);
    }
}
