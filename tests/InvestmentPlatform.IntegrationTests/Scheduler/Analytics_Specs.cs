using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Scheduler;
using InvestmentPlatform.IntegrationTests.Infrastructure;
using InvestmentPlatform.Scheduler.Analytics;
using Microsoft.Extensions.DependencyInjection;
using static InvestmentPlatform.IntegrationTests.Scheduler.SchedulerApiClient;

namespace InvestmentPlatform.IntegrationTests.Scheduler;

[Collection(IntegrationCollection.Name)]
public sealed class When_a_job_has_a_run_history : SchedulerSpec
{
    private Guid _job, _other;

    protected override async Task StartedAsync()
    {
        _job = await Host.CreateJobAsync(Job("history", Interval(86400)));
        _other = await Host.CreateJobAsync(Job("other", Interval(86400)));

        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        JobRun Run(Guid job, int day, string status, double? ms, long loaded = 0, string? errorClass = null) => new()
        {
            Id = Guid.NewGuid(), JobId = job, Status = status, Trigger = "schedule",
            ScheduledAt = new DateTime(2026, 1, day, 10, 0, 0, DateTimeKind.Utc),
            // A running run started now: one started in January is past its job's timeout, and the run sweeper would
            // time it out between the seeding and the query.
            StartedAt = status switch { "skipped" => null, "running" => DateTime.UtcNow, _ => new DateTime(2026, 1, day, 10, 0, 0, DateTimeKind.Utc) },
            FinishedAt = ms is null ? null : new DateTime(2026, 1, day, 10, 0, 0, DateTimeKind.Utc).AddMilliseconds(ms.Value),
            DurationMs = ms, RecordsLoaded = loaded, ErrorClass = errorClass,
        };
        db.JobRuns.AddRange(
            Run(_job, 1, "succeeded", 100, 10), Run(_job, 1, "succeeded", 200, 20), Run(_job, 1, "failed", 300, 0, "Transient"),
            Run(_job, 2, "timed_out", 1000, 0, "Timeout"), Run(_job, 2, "skipped", null), Run(_job, 2, "succeeded", 400, 5),
            Run(_job, 3, "failed", 500, 0, "NotFound"), Run(_job, 3, "running", null),
            Run(_job, 5, "succeeded", 9999, 1000),   // outside the window
            Run(_other, 2, "succeeded", 50, 100));
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Should_count_rates_durations_records_and_failures_of_the_job()
    {
        var a = await Host.GetAsync<RunAnalyticsDto>($"/api/scheduler/analytics?jobId={_job}&from=2026-01-01T00:00:00Z&to=2026-01-04T00:00:00Z");

        Assert.Equal((8, 3, 2, 1, 1), (a.Runs, a.Succeeded, a.Failed, a.Skipped, a.TimedOut));
        Assert.Equal(3.0 / 7, a.SuccessRate!.Value, 6);
        Assert.Equal((100 + 200 + 300 + 1000 + 400 + 500) / 6.0, a.MeanDurationMs!.Value, 6);
        Assert.Equal(1000, a.P95DurationMs);
        Assert.Equal(35, a.RecordsLoaded);
        Assert.Equal(new Dictionary<string, int> { ["NotFound"] = 1, ["Timeout"] = 1, ["Transient"] = 1 }, a.FailuresByClass);
        Assert.Equal(
        [
            new DailyRuns(new DateOnly(2026, 1, 1), 3, 2, 1, 30, 200),
            new DailyRuns(new DateOnly(2026, 1, 2), 3, 1, 1, 5, 700),
            new DailyRuns(new DateOnly(2026, 1, 3), 2, 0, 1, 0, 500),
        ], a.Daily);
    }

    [Fact]
    public async Task Should_include_every_job_without_a_job_filter()
    {
        var a = await Host.GetAsync<RunAnalyticsDto>("/api/scheduler/analytics?from=2026-01-01T00:00:00Z&to=2026-01-04T00:00:00Z");

        Assert.Equal(9, a.Runs);
        Assert.Equal(135, a.RecordsLoaded);
        Assert.Equal(4, a.Daily[1].Runs);
    }

    [Fact]
    public async Task Should_refuse_a_reversed_window()
    {
        var response = await Host.CreateClient().GetAsync("/api/scheduler/analytics?from=2026-01-04T00:00:00Z&to=2026-01-01T00:00:00Z");
        Assert.Equal(400, (int)response.StatusCode);
        Assert.Contains("\"from\"", await response.Content.ReadAsStringAsync());
    }
}
