using InvestmentPlatform.IntegrationTests.Infrastructure;

namespace InvestmentPlatform.IntegrationTests.Scheduler;

/// <summary>A spec on one scheduler host of its own, over a PostgreSQL database of its own, both removed afterwards.</summary>
public abstract class SchedulerSpec : IAsyncLifetime
{
    private TestDatabase _database = null!;

    protected SchedulerHost Host { get; private set; } = null!;

    /// <summary>What the spec starts from once the host is up: its jobs, the test pipeline, seeded runs.</summary>
    protected virtual Task StartedAsync() => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        (Host, _database) = await SchedulerHost.StartAsync();
        await StartedAsync();
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await _database.DisposeAsync();
    }
}
