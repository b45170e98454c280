using InvestmentPlatform.Contracts.Scheduler;
using InvestmentPlatform.IntegrationTests.Infrastructure;
using InvestmentPlatform.Scheduler.Jobs;
using static InvestmentPlatform.IntegrationTests.Scheduler.SchedulerApiClient;

namespace InvestmentPlatform.IntegrationTests.Scheduler;

public sealed class When_the_scheduler_runs_embedded_on_sqlite : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("ip-scheduler-").FullName;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => ScratchFolder.DeleteAsync(_directory);

    [Fact]
    public async Task Should_fire_a_job_and_keep_firing_it_after_a_restart()
    {
        var file = Path.Combine(_directory, "platform.db");
        Guid id;
        int before;
        await using (var first = SchedulerHost.StartEmbedded(file))
        {
            await new TestPipeline().ConnectAsync(first);
            id = await first.CreateJobAsync(Job("embedded", Interval(1)));
            Assert.True(await EventuallyAsync(async () => (await first.RunsAsync(id)).Count(r => r.Status == RunStatuses.Succeeded) >= 2));
            before = (await first.RunsAsync(id)).Count;
        }

        await using var second = SchedulerHost.StartEmbedded(file);
        await new TestPipeline().ConnectAsync(second);
        Assert.True(await EventuallyAsync(async () => (await second.RunsAsync(id)).Count(r => r.Status == RunStatuses.Succeeded) >= before + 2));
        var job = await second.GetAsync<JobDto>($"/api/scheduler/jobs/{id}");
        Assert.NotNull(job.NextFireTime);
        Assert.NotNull(job.LastRun);
    }
}
