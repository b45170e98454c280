using InvestmentPlatform.Contracts.Scheduler;
using InvestmentPlatform.Data;
using InvestmentPlatform.IntegrationTests.Infrastructure;
using InvestmentPlatform.Scheduler.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static InvestmentPlatform.IntegrationTests.Scheduler.SchedulerApiClient;

namespace InvestmentPlatform.IntegrationTests.Scheduler;

[Collection(IntegrationCollection.Name)]
public sealed class When_two_scheduler_processes_share_one_database : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private SchedulerHost _first = null!;
    private SchedulerHost _second = null!;

    public async Task InitializeAsync()
    {
        _database = await TestServices.CreateDatabaseAsync();
        var prefix = $"c{Guid.NewGuid():N}"[..12];
        _first = await SchedulerHost.StartOnAsync(_database.ConnectionString, prefix);
        _second = await SchedulerHost.StartOnAsync(_database.ConnectionString, prefix);
    }

    public async Task DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Should_fire_each_trigger_once_across_both()
    {
        using var firings = new FiringCounter();
        var pipeline = new TestPipeline();
        await pipeline.ConnectAsync(_first);

        var id = await _first.CreateJobAsync(Job("clustered", Interval(1)));
        Assert.True(await EventuallyAsync(async () => (await _first.RunsAsync(id)).Count >= 6, 60));
        await _first.PostAsync($"/api/scheduler/jobs/{id}/pause", new { }, 200);

        // Counted once every run has finished and every firing has reached the pipeline: a moment at which the firings,
        // the runs and the requests must agree. A trigger fired by both nodes would leave them apart for good.
        List<RunDto> runs = [];
        Assert.True(await EventuallyAsync(async () =>
        {
            runs = await _first.RunsAsync(id);
            return runs.All(r => RunStatuses.IsFinished(r.Status))
                   && firings.Of(id) == runs.Count
                   && pipeline.Requests.Count(r => r.JobId == id) == runs.Count;
        }), $"firings {firings.Of(id)}, requests {pipeline.Requests.Count(r => r.JobId == id)}, runs: {Describe(runs)}");
        Assert.Equal(runs.Count, runs.Select(r => r.ScheduledAt).Distinct().Count());
        await using var scope = _first.Services.CreateAsyncScope();
        var nodes = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Database
            .SqlQueryRaw<string>("SELECT instance_name AS \"Value\" FROM qrtz_scheduler_state").ToListAsync();
        Assert.Equal(2, nodes.Distinct().Count());
    }
}
