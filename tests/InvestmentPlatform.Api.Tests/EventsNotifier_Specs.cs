using InvestmentPlatform.Api.Hubs;
using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Contracts.Scheduler;
using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Ingestion;
using MassTransit;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using InvestmentPlatform.Tests.Shared;

namespace InvestmentPlatform.Api.Tests;

/// <summary>
/// Alice's request for a crypto symbol; four connections watch: Alice and Bob on "all", an admin on the crypto
/// topic, and Bob on the request itself.
/// </summary>
public abstract class NotifierSpec : IAsyncLifetime
{
    protected readonly Guid Request = Guid.NewGuid();
    private protected readonly RecordingHubContext Hub = new();
    private SqliteBusHarness _harness = null!;

    /// <summary>Rows the notifier could read back; none when every event routes itself.</summary>
    protected virtual Task SeedAsync(PlatformDbContext db) => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        var subscriptions = new TopicSubscriptions();
        subscriptions.Identify("alice-all", "alice", isAdmin: false);
        subscriptions.TryAdd("alice-all", HubTopics.All);
        subscriptions.Identify("bob-all", "bob", isAdmin: false);
        subscriptions.TryAdd("bob-all", HubTopics.All);
        subscriptions.Identify("admin-crypto", "root", isAdmin: true);
        subscriptions.TryAdd("admin-crypto", HubTopics.AssetType("crypto"));
        subscriptions.Identify("bob-request", "bob", isAdmin: false);
        subscriptions.TryAdd("bob-request", HubTopics.Request(Request));

        _harness = await SqliteBusHarness.StartAsync(
            services => services.AddSingleton(subscriptions).AddSingleton<AccountOwners>().AddSingleton<IHubContext<EventsHub>>(Hub),
            bus => bus.AddConsumer<EventsNotifier>(),
            SeedAsync);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    protected Task ConsumeAsync<T>(T message) where T : class => _harness.Bus.PublishAndConsumeAsync<EventsNotifier, T>(message);
}

/// <summary>v1.0 events carry no routing: the notifier reads Alice's request back.</summary>
public sealed class When_the_notifier_fans_out_collection_events : NotifierSpec
{
    protected override Task SeedAsync(PlatformDbContext db)
    {
        db.IngestionRequests.Add(new IngestionRequest
        {
            Id = Request, Source = "synthetic", Symbols = "[\"BTC-USD\"]", AssetType = "crypto", Interval = "1d", Mode = "batch",
            Status = IngestionStatuses.Running, RequestedBy = "alice", CreatedAt = DateTime.UtcNow,
        });
        return db.SaveChangesAsync();
    }

    [Fact]
    public async Task Should_tell_the_requester_and_admins_how_the_request_ended_from_the_message_alone()
    {
        await ConsumeAsync(new CollectionCompleted(Request, null, null, 10, 8, 2, ["ETH-USD"], 1500, DateTime.UtcNow,
            IngestionStatuses.PartiallySucceeded, 3));

        var (connections, method, payload) = Assert.Single(Hub.Sent);
        Assert.Equal(["admin-crypto", "alice-all"], connections);
        Assert.Equal(HubMessages.CollectionProgress, method);
        var progress = Assert.IsType<CollectionProgressMessage>(payload);
        Assert.Equal((IngestionStatuses.PartiallySucceeded, 3, 3, 8L), (progress.Status, progress.ChunksDone, progress.ChunksTotal, progress.RecordsLoaded));
    }

    [Fact]
    public async Task Should_never_show_another_users_error_to_someone_watching_the_request()
    {
        await ConsumeAsync(new CollectionFailed(Request, null, null, "BTC-USD", ErrorClass.NotFound, "no such product", DateTime.UtcNow));

        var (connections, method, _) = Assert.Single(Hub.Sent);
        Assert.Equal(HubMessages.Error, method);
        Assert.Equal(["admin-crypto", "alice-all"], connections);
    }
}

/// <summary>
/// v1.1 events say who may see them and under which asset type; the database holds no request or job, so what
/// reaches whom comes from the message alone.
/// </summary>
public sealed class When_events_carry_their_routing : NotifierSpec
{
    private static readonly RequestRouting Alices = new("alice", "crypto");

    [Fact]
    public async Task Should_show_progress_to_the_requester_and_the_asset_types_watchers()
    {
        await ConsumeAsync(new CollectionProgress(Request, null, null, "BTC-USD", 1, 2, 100, 90, DateTime.UtcNow, Alices));

        var (connections, method, _) = Assert.Single(Hub.Sent);
        Assert.Equal(HubMessages.CollectionProgress, method);
        Assert.Equal(["admin-crypto", "alice-all"], connections);
    }

    [Fact]
    public async Task Should_end_a_failed_requests_progress_with_the_counts_it_carries()
    {
        await ConsumeAsync(new CollectionFailed(Request, null, null, null, ErrorClass.Timeout, "timed out", DateTime.UtcNow, Alices,
            ChunksDone: 1, ChunksTotal: 4, RecordsCollected: 50, RecordsLoaded: 40));

        Assert.Equal([HubMessages.Error, HubMessages.CollectionProgress], Hub.Sent.Select(s => s.Method));
        Assert.All(Hub.Sent, s => Assert.Equal(["admin-crypto", "alice-all"], s.Connections));
        var progress = Assert.IsType<CollectionProgressMessage>(Hub.Sent[1].Payload);
        Assert.Equal(("failed", 1, 4, 50L, 40L), (progress.Status, progress.ChunksDone, progress.ChunksTotal, progress.RecordsCollected, progress.RecordsLoaded));
    }

    [Fact]
    public async Task Should_show_a_command_line_request_to_everyone()
    {
        await ConsumeAsync(new CollectionCompleted(Request, null, null, 1, 1, 0, [], 10, DateTime.UtcNow, IngestionStatuses.Succeeded, 1,
            new RequestRouting(null, null)));

        Assert.Equal(["alice-all", "bob-all", "bob-request"], Assert.Single(Hub.Sent).Connections.Order());
    }

    [Fact]
    public async Task Should_show_a_run_to_its_jobs_owner_only()
    {
        await ConsumeAsync(new JobRunStatusChanged(Guid.NewGuid(), Guid.NewGuid(), "alice's job", "running", 0, null, null, DateTime.UtcNow,
            new JobOwner("alice")));

        Assert.Equal(["alice-all"], Assert.Single(Hub.Sent).Connections);
    }
}
