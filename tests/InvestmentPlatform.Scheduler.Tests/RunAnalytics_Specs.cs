using InvestmentPlatform.Scheduler.Analytics;

namespace InvestmentPlatform.Scheduler.Tests;

public sealed class When_computing_run_analytics
{
    private static RunFacts Run(int day, string status, double? ms, long loaded = 0, string? errorClass = null) =>
        new(new DateTime(2026, 3, day, 8, 0, 0, DateTimeKind.Utc), status, ms, loaded, errorClass);

    [Fact]
    public void Should_use_the_nearest_rank_percentile()
    {
        var values = Enumerable.Range(1, 20).Select(i => (double)i).ToList();
        Assert.Equal(19, RunAnalytics.Percentile(values, 0.95));
        Assert.Equal(7, RunAnalytics.Percentile([7], 0.95));
        Assert.Null(RunAnalytics.Percentile([], 0.95));
    }

    [Fact]
    public void Should_leave_rates_and_durations_empty_without_finished_runs()
    {
        var a = RunAnalytics.Compute([Run(1, "running", null)], new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 2));
        Assert.Equal(1, a.Runs);
        Assert.Null(a.SuccessRate);
        Assert.Null(a.MeanDurationMs);
        Assert.Null(a.P95DurationMs);
        Assert.Equal(2, a.Daily.Count);
        Assert.Equal(0, a.Daily[1].Runs);
    }

    [Fact]
    public void Should_count_timeouts_with_failures_by_class_and_leave_skips_out_of_durations()
    {
        var a = RunAnalytics.Compute(
            [Run(1, "failed", 10, 0, "RateLimited"), Run(1, "failed", 30, 0, null), Run(1, "timed_out", 50), Run(1, "skipped", null), Run(1, "succeeded", 90, 12)],
            new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 1));

        Assert.Equal(new Dictionary<string, int> { ["RateLimited"] = 1, ["Timeout"] = 1, ["Unknown"] = 1 }, a.FailuresByClass);
        Assert.Equal(0.2, a.SuccessRate);
        Assert.Equal(45, a.MeanDurationMs);
        Assert.Equal(new DailyRuns(new DateOnly(2026, 3, 1), 5, 1, 3, 12, 45), Assert.Single(a.Daily));
    }
}
