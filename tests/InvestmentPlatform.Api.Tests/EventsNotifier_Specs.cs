using InvestmentPlatform.Api.Hubs;
using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Data.Ingestion;
using MassTransit;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using InvestmentPlatform.Tests.Shared;

namespace InvestmentPlatform.Api.Tests;

/// <summary>
/// Alice's API request for a crypto symbol; four connections watch: Alice and Bob on "all", an admin on the crypto
/// topic, and Bob on the request itself.
/// </summary>
public sealed class When_the_notifier_fans_out_collection_events : IAsyncLifetime
{
    private readonly Guid _request = Guid.NewGuid();
    private readonly RecordingHubContext _hub = new();
    private SqliteBusHarness _harness = null!;

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
        subscriptions.TryAdd("bob-request", HubTopics.Request(_request));

        _harness = await SqliteBusHarness.StartAsync(
            services => services.AddSingleton(subscriptions).AddSingleton<IHubContext<EventsHub>>(_hub),
            bus => bus.AddConsumer<EventsNotifier>(),
            db =>
            {
                db.IngestionRequests.Add(new IngestionRequest
                {
                    Id = _request, Source = "synthetic", Symbols = "[\"BTC-USD\"]", AssetType = "crypto", Interval = "1d", Mode = "batch",
                    Status = IngestionStatuses.Running, RequestedBy = "alice", CreatedAt = DateTime.UtcNow,
                });
                return db.SaveChangesAsync();
            });
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Should_tell_the_requester_and_admins_how_the_request_ended_from_the_message_alone()
    {
        await ConsumeAsync(new CollectionCompleted(_request, null, null, 10, 8, 2, ["ETH-USD"], 1500, DateTime.UtcNow,
            IngestionStatuses.PartiallySucceeded, 3));

        var (connections, method, payload) = Assert.Single(_hub.Sent);
        Assert.Equal(["admin-crypto", "alice-all"], connections);
        Assert.Equal(HubMessages.CollectionProgress, method);
        var progress = Assert.IsType<CollectionProgressMessage>(payload);
        Assert.Equal((IngestionStatuses.PartiallySucceeded, 3, 3, 8L), (progress.Status, progress.ChunksDone, progress.ChunksTotal, progress.RecordsLoaded));
    }

    [Fact]
    public async Task Should_never_show_another_users_error_to_someone_watching_the_request()
    {
        await ConsumeAsync(new CollectionFailed(_request, null, null, "BTC-USD", ErrorClass.NotFound, "no such product", DateTime.UtcNow));

        var (connections, method, _) = Assert.Single(_hub.Sent);
        Assert.Equal(HubMessages.Error, method);
        Assert.Equal(["admin-crypto", "alice-all"], connections);
    }

    private Task ConsumeAsync<T>(T message) where T : class => _harness.Bus.PublishAndConsumeAsync<EventsNotifier, T>(message);
}
