using InvestmentPlatform.Tests.Shared;
using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Data.Ingestion;
using InvestmentPlatform.Ingestion.Collection;
using InvestmentPlatform.Ingestion.Planning;
using InvestmentPlatform.Ingestion.Dispatch;
using InvestmentPlatform.Ingestion.Outcomes;
using InvestmentPlatform.Ingestion.Sweeping;
using InvestmentPlatform.Ingestion;
using InvestmentPlatform.Ingestion.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InvestmentPlatform.Ingestion.Tests;

public sealed class When_chunks_are_dispatched_to_the_workers_present : IAsyncLifetime
{
    private const int PendingChunks = 20;
    private readonly Dictionary<string, string?> _settings = new() { ["Ingestion:ChunksInFlightPerWorker"] = "3" };
    private IngestionHarness _ingestion = null!;

    public Task InitializeAsync() => Task.CompletedTask;

    // Started by each spec, after it has chosen its settings.
    private async Task StartAsync()
    {
        _ingestion = await IngestionHarness.StartAsync(services: s => s.AddSingleton<WorkerHeartbeat>(), settings: _settings);
        var requestId = Guid.NewGuid();
        await _ingestion.SeedAsync([Rows.Request(requestId), .. Enumerable.Range(0, PendingChunks).Select(i => Rows.Chunk(requestId, ChunkStatuses.Pending, day: i))]);
    }

    public async Task DisposeAsync() => await _ingestion.DisposeAsync();

    [Fact]
    public async Task Should_keep_the_per_worker_share_in_flight_when_no_other_worker_is_present()
    {
        await StartAsync();

        Assert.Equal(3, await DispatchAsync());
        Assert.Equal(0, await DispatchAsync());
    }

    [Fact]
    public async Task Should_grow_the_cap_with_every_worker_heard_from_recently()
    {
        await StartAsync();
        await AddWorkersAsync(seenAgo: TimeSpan.FromSeconds(5), count: 3);
        await AddWorkersAsync(seenAgo: TimeSpan.FromMinutes(2), count: 2); // killed: they no longer count

        Assert.Equal(9, await DispatchAsync());
        Assert.Equal(9, await InFlightAsync());
        Assert.Equal(9, _ingestion.Bus.SentSoFar<InvestmentPlatform.Contracts.Ingestion.CollectChunk>().Count);
    }

    [Fact]
    public async Task Should_hold_a_source_to_its_fixed_cap_whatever_the_workers()
    {
        _settings["Ingestion:MaxChunksInFlight:fake"] = "2";
        await StartAsync();
        await AddWorkersAsync(seenAgo: TimeSpan.FromSeconds(5), count: 4);

        Assert.Equal(2, await DispatchAsync());
        Assert.Equal(2, await InFlightAsync());
    }

    [Fact]
    public async Task Should_announce_a_worker_while_it_runs_and_forget_it_when_it_stops()
    {
        await StartAsync();
        var heartbeat = _ingestion.Provider.GetRequiredService<WorkerHeartbeat>();

        await heartbeat.StartAsync(default);
        var present = await WaitForWorkersAsync(n => n == 1);
        await heartbeat.StopAsync(default);

        Assert.Equal(1, present);
        Assert.Equal(0, await WaitForWorkersAsync(n => n == 0));
    }

    [Fact]
    public async Task Should_claim_nothing_when_the_messages_cannot_be_sent()
    {
        await StartAsync();
        await using var scope = _ingestion.Provider.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var dispatcher = new ChunkDispatcher(sp.GetRequiredService<InvestmentPlatform.Data.PlatformDbContext>(), new UnreachableBroker(),
            sp.GetRequiredService<CollectorQueues>(), sp.GetRequiredService<SourceCapacity>(), TimeProvider.System);

        await Assert.ThrowsAsync<InvalidOperationException>(() => dispatcher.DispatchAsync("fake", default));

        Assert.Equal(0, await InFlightAsync());
        Assert.Equal(3, await DispatchAsync());
    }

    [Fact]
    public async Task Should_give_up_and_claim_nothing_when_the_broker_does_not_answer()
    {
        await StartAsync();
        await using var scope = _ingestion.Provider.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var dispatcher = new ChunkDispatcher(sp.GetRequiredService<InvestmentPlatform.Data.PlatformDbContext>(), new SilentBroker(),
            sp.GetRequiredService<CollectorQueues>(), sp.GetRequiredService<SourceCapacity>(), TimeProvider.System);

        // Waiting out the outage would hold the source's lock, and every other dispatcher with it.
        var ex = await Assert.ThrowsAsync<MassTransit.TransportUnavailableException>(() => dispatcher.DispatchAsync("fake", default));

        Assert.True(InvestmentPlatform.Messaging.Resilience.TransientFailure.IsTransient(ex));
        Assert.Equal(0, await InFlightAsync());
        Assert.Equal(3, await DispatchAsync());
    }

    private sealed class SilentBroker : MassTransit.ISendEndpointProvider
    {
        public Task<MassTransit.ISendEndpoint> GetSendEndpoint(Uri address) => new TaskCompletionSource<MassTransit.ISendEndpoint>().Task;

        public MassTransit.ConnectHandle ConnectSendObserver(MassTransit.ISendObserver observer) => throw new NotSupportedException();
    }

    private sealed class UnreachableBroker : MassTransit.ISendEndpointProvider
    {
        public Task<MassTransit.ISendEndpoint> GetSendEndpoint(Uri address) => throw new InvalidOperationException("the broker is away");

        public MassTransit.ConnectHandle ConnectSendObserver(MassTransit.ISendObserver observer) => throw new NotSupportedException();
    }

    private async Task<int> DispatchAsync()
    {
        await using var scope = _ingestion.Provider.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ChunkDispatcher>().DispatchAsync("fake", default);
    }

    private Task<int> InFlightAsync() =>
        _ingestion.DbAsync(db => db.IngestionChunks.CountAsync(c => c.Status == ChunkStatuses.Dispatched));

    private Task AddWorkersAsync(TimeSpan seenAgo, int count) =>
        _ingestion.SeedAsync(Enumerable.Range(0, count).Select(i => (object)new WorkerPresence
        {
            Id = Guid.NewGuid(), Machine = "test", ProcessId = i, StartedAt = DateTime.UtcNow.AddHours(-1), SeenAt = DateTime.UtcNow - seenAgo,
        }).ToArray());

    private Task<int> WaitForWorkersAsync(Func<int, bool> condition) =>
        _ingestion.WaitForAsync(db => db.WorkerPresence.CountAsync(), condition, "The expected count of workers present");
}
