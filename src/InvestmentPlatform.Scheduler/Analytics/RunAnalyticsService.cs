using InvestmentPlatform.Data;
using InvestmentPlatform.Scheduler.Jobs;
using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.Scheduler.Analytics;

public sealed class RunAnalyticsService(PlatformDbContext db, TimeProvider clock)
{
    public const int DefaultWindowDays = 30;
    public const int MaxWindowDays = 366;

    public async Task<Outcome<RunAnalyticsDto>> ComputeAsync(Guid? jobId, DateTime? from, DateTime? to, CancellationToken ct)
    {
        var end = to ?? clock.GetUtcNow().UtcDateTime;
        var start = from ?? end.AddDays(-DefaultWindowDays);
        if (start >= end)
            return SchedulerProblem.Invalid("from", "from must be before to.");
        if ((end - start).TotalDays > MaxWindowDays)
            return SchedulerProblem.Invalid("to", $"the window must be at most {MaxWindowDays} days.");
        if (jobId is { } id && !await db.SchedulerJobs.AnyAsync(j => j.Id == id, ct))
            return SchedulerProblem.NotFound($"Job {id} does not exist.");

        var runs = db.JobRuns.AsNoTracking().Where(r => r.ScheduledAt >= start && r.ScheduledAt < end);
        if (jobId is { } job)
            runs = runs.Where(r => r.JobId == job);
        var facts = await runs.Select(r => new RunFacts(r.ScheduledAt, r.Status, r.DurationMs, r.RecordsLoaded, r.ErrorClass)).ToListAsync(ct);
        return RunAnalytics.Compute(facts, DateOnly.FromDateTime(start), DateOnly.FromDateTime(end.AddTicks(-1)));
    }
}
