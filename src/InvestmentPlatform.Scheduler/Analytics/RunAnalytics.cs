using InvestmentPlatform.Contracts.Scheduler;
using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Scheduler.Jobs;

namespace InvestmentPlatform.Scheduler.Analytics;

public sealed record DailyRuns(DateOnly Date, int Runs, int Succeeded, int Failed, long RecordsLoaded, double? MeanDurationMs);

public sealed record RunAnalyticsDto(
    int Runs,
    int Succeeded,
    int Failed,
    int Skipped,
    int TimedOut,
    double? SuccessRate,
    double? MeanDurationMs,
    double? P95DurationMs,
    long RecordsLoaded,
    IReadOnlyDictionary<string, int> FailuresByClass,
    IReadOnlyList<DailyRuns> Daily);

/// <summary>One run as the analytics see it.</summary>
public sealed record RunFacts(DateTime ScheduledAt, string Status, double? DurationMs, long RecordsLoaded, string? ErrorClass);

/// <summary>The figures behind GET /api/scheduler/analytics, computed from run rows.</summary>
public static class RunAnalytics
{
    public static RunAnalyticsDto Compute(IReadOnlyCollection<RunFacts> runs, DateOnly firstDay, DateOnly lastDay)
    {
        int Count(string status) => runs.Count(r => r.Status == status);
        var succeeded = Count(RunStatuses.Succeeded);
        var failed = Count(RunStatuses.Failed);
        var skipped = Count(RunStatuses.Skipped);
        var timedOut = Count(RunStatuses.TimedOut);
        var finished = succeeded + failed + skipped + timedOut;
        var durations = runs.Where(r => r.DurationMs is not null && r.Status is RunStatuses.Succeeded or RunStatuses.Failed or RunStatuses.TimedOut)
            .Select(r => r.DurationMs!.Value).Order().ToList();

        var failures = runs.Where(r => r.Status is RunStatuses.Failed or RunStatuses.TimedOut)
            .GroupBy(r => r.ErrorClass ?? (r.Status == RunStatuses.TimedOut ? nameof(ErrorClass.Timeout) : "Unknown"))
            .OrderBy(g => g.Key)
            .ToDictionary(g => g.Key, g => g.Count());

        var byDay = runs.GroupBy(r => DateOnly.FromDateTime(r.ScheduledAt)).ToDictionary(g => g.Key, g => g.ToList());
        var daily = new List<DailyRuns>();
        for (var day = firstDay; day <= lastDay; day = day.AddDays(1))
        {
            var list = byDay.GetValueOrDefault(day) ?? [];
            var dayDurations = list.Where(r => r.DurationMs is not null && r.Status != RunStatuses.Skipped).Select(r => r.DurationMs!.Value).ToList();
            daily.Add(new DailyRuns(day, list.Count, list.Count(r => r.Status == RunStatuses.Succeeded),
                list.Count(r => r.Status is RunStatuses.Failed or RunStatuses.TimedOut), list.Sum(r => r.RecordsLoaded),
                dayDurations.Count > 0 ? dayDurations.Average() : null));
        }

        return new RunAnalyticsDto(runs.Count, succeeded, failed, skipped, timedOut,
            finished > 0 ? (double)succeeded / finished : null,
            durations.Count > 0 ? durations.Average() : null,
            Percentile(durations, 0.95),
            runs.Sum(r => r.RecordsLoaded), failures, daily);
    }

    /// <summary>Nearest-rank percentile of an ascending list: the value at rank ceil(p × n).</summary>
    public static double? Percentile(IReadOnlyList<double> ascending, double p) =>
        ascending.Count == 0 ? null : ascending[Math.Max(0, (int)Math.Ceiling(p * ascending.Count) - 1)];
}
