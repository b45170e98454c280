using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
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
        var firings = new ConcurrentBag<string>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == "platform.scheduler.firings")
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
                if (tag.Key == "job")
                    firings.Add((string)tag.Value!);
        });
        listener.Start();
        var pipeline = new TestPipeline();
        await pipeline.ConnectAsync(_first);

        var id = await _first.CreateJobAsync(Job("clustered", Interval(1)));
        await Task.Delay(TimeSpan.FromSeconds(10));
        await _first.PostAsync($"/api/scheduler/jobs/{id}/pause", new { }, 200);
        await Task.Delay(2000);

        var runs = await _first.RunsAsync(id);
        var fired = firings.Count(f => f == id.ToString());
        Assert.InRange(runs.Count, 6, 12);
        Assert.Equal(runs.Count, fired);
        Assert.Equal(runs.Count, runs.Select(r => r.ScheduledAt).Distinct().Count());
        Assert.Equal(runs.Count, pipeline.Requests.Count(r => r.JobId == id));
        await using var scope = _first.Services.CreateAsyncScope();
        var nodes = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Database
            .SqlQueryRaw<string>("SELECT instance_name AS \"Value\" FROM qrtz_scheduler_state").ToListAsync();
        Assert.Equal(2, nodes.Distinct().Count());
    }
}
