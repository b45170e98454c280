using InvestmentPlatform.Contracts.Scheduler;
using InvestmentPlatform.IntegrationTests.Infrastructure;
using InvestmentPlatform.Scheduler.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using static InvestmentPlatform.IntegrationTests.Scheduler.SchedulerApiClient;

namespace InvestmentPlatform.IntegrationTests.Scheduler;

[Collection(IntegrationCollection.Name)]
public sealed class When_a_job_is_scheduled_every_few_seconds : SchedulerSpec
{
    private readonly TestPipeline _pipeline = new();

    protected override async Task StartedAsync()
    {
        await _pipeline.ConnectAsync(Host);
    }

    [Fact]
    public async Task Should_fire_on_schedule_and_record_succeeded_runs_with_counts()
    {
        var id = await Host.CreateJobAsync(Job("every-two-seconds", Interval(2)));

        Assert.True(await EventuallyAsync(async () => (await Host.RunsAsync(id)).Count(r => r.Status == RunStatuses.Succeeded) >= 3, 40));

        var runs = (await Host.RunsAsync(id)).Where(r => r.Status == RunStatuses.Succeeded).OrderBy(r => r.ScheduledAt).ToList();
        Assert.All(runs, r =>
        {
            Assert.Equal(RunTriggers.Schedule, r.Trigger);
            Assert.Equal(10, r.RecordsLoaded);
            Assert.Equal(11, r.RecordsCollected);
            Assert.NotNull(r.DurationMs);
            Assert.True(r.FinishedAt >= r.StartedAt);
        });
        // Scheduled fire times, not wall-clock ones: each lies on the job's 2-second grid, and each is fired once.
        Assert.All(runs, r => Assert.Equal(0, Math.Round((r.ScheduledAt - runs[0].ScheduledAt).TotalMilliseconds) % 2000));
        Assert.Equal(runs.Count, runs.Select(r => r.ScheduledAt).Distinct().Count());
        var request = _pipeline.Requests.First(r => r.JobId == id);
        Assert.Equal(["AAA", "BBB"], request.Symbols);
        Assert.Equal("testsource", request.Source);
        var job = await Host.GetAsync<JobDto>($"/api/scheduler/jobs/{id}");
        Assert.NotNull(job.NextFireTime);
        Assert.NotNull(job.LastRun);
    }

    [Fact]
    public async Task Should_fire_a_cron_schedule_in_its_time_zone()
    {
        var id = await Host.CreateJobAsync(Job("cron-every-two", new { kind = "cron", cron = "0/2 * * * * ?", timeZone = "Europe/London" }));

        Assert.True(await EventuallyAsync(async () => (await Host.RunsAsync(id)).Count(r => r.Status == RunStatuses.Succeeded) >= 2, 30));
        var runs = await Host.RunsAsync(id);
        Assert.All(runs, r => Assert.Equal(0, r.ScheduledAt.Second % 2));
    }

    [Fact]
    public async Task Should_stop_firing_while_paused_and_fire_again_after_resume()
    {
        var id = await Host.CreateJobAsync(Job("pausable", Interval(1)));
        Assert.True(await EventuallyAsync(async () => (await Host.RunsAsync(id)).Count >= 2));

        var paused = await Host.PostAsync($"/api/scheduler/jobs/{id}/pause", new { }, 200);
        Assert.False(paused.GetProperty("enabled").GetBoolean());
        // The pause is saved at once and removes the Quartz trigger a moment later: wait for the trigger to be gone and
        // every run recorded so far to finish.
        var scheduler = await Host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var countAfterPause = 0;
        Assert.True(await EventuallyAsync(async () =>
        {
            var triggers = await scheduler.GetTriggersOfJob(new JobKey(id.ToString(), NextFireTimes.TriggerGroup));
            var runs = await Host.RunsAsync(id);
            countAfterPause = runs.Count;
            return triggers.Count == 0 && runs.All(r => RunStatuses.IsFinished(r.Status));
        }));
        // Another every-second job firing three times shows the scheduler running through time in which the paused job
        // would have fired had the pause not held.
        var witness = await Host.CreateJobAsync(Job("witness", Interval(1)));
        Assert.True(await EventuallyAsync(async () => (await Host.RunsAsync(witness)).Count >= 3, 30));
        Assert.Equal(countAfterPause, (await Host.RunsAsync(id)).Count);

        await Host.PostAsync($"/api/scheduler/jobs/{id}/resume", new { }, 200);
        Assert.True(await EventuallyAsync(async () => (await Host.RunsAsync(id)).Count >= countAfterPause + 2, 20));
    }
}
