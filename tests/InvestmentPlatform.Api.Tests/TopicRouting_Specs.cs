using InvestmentPlatform.Api.Hubs;
using InvestmentPlatform.Contracts.Analytics;
using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Contracts.Quality;
using InvestmentPlatform.Contracts.Scheduler;
using InvestmentPlatform.Contracts.Trading;
using InvestmentPlatform.Data.Assets;
using InvestmentPlatform.Data.Ingestion;
using InvestmentPlatform.Data.Scheduler;
using MassTransit;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using InvestmentPlatform.Tests.Shared;

namespace InvestmentPlatform.Api.Tests;

/// <summary>
/// Which topics each bus event reaches: a scheduled run of a job for BTC-USD whose request names no asset type, watched
/// by one admin connection per topic (admins are in every audience, so only the topic decides).
/// </summary>
public sealed class When_events_are_routed_to_topics : IAsyncLifetime
{
    private static readonly Guid JobId = Guid.NewGuid();
    private static readonly Guid RunId = Guid.NewGuid();
    private static readonly Guid RequestId = Guid.NewGuid();
    private readonly RecordingHubContext _hub = new();
    private SqliteBusHarness _harness = null!;

    /// <summary>Connection name → the one topic it watches.</summary>
    private static readonly Dictionary<string, string> Watchers = new()
    {
        ["all"] = HubTopics.All,
        ["job"] = HubTopics.Job(JobId),
        ["request"] = HubTopics.Request(RequestId),
        ["asset"] = HubTopics.Normalize("asset:btc-usd")!,
        ["crypto"] = HubTopics.AssetType("crypto"),
        ["stock"] = HubTopics.AssetType("stock"),
        ["other-asset"] = HubTopics.Asset("ETH-USD"),
        ["other-job"] = HubTopics.Job(Guid.NewGuid()),
    };

    public static TheoryData<string, string[]> Routes => new()
    {
        { "progress", ["all", "asset", "crypto", "job", "request"] },
        { "completed", ["all", "asset", "crypto", "job", "request"] },
        { "failed symbol", ["all", "asset", "crypto", "job", "request"] },
        { "failed request", ["all", "asset", "crypto", "job", "request"] },
        { "job status", ["all", "asset", "crypto", "job"] },
        { "job status from an older publisher", ["all", "job"] },
        { "analytics", ["all", "request"] },
        { "quality finding", ["all", "asset"] },
        { "order", ["all"] },
    };

    public async Task InitializeAsync()
    {
        var subscriptions = new TopicSubscriptions();
        foreach (var (connection, topic) in Watchers)
        {
            subscriptions.Identify(connection, "root", isAdmin: true);
            Assert.True(subscriptions.TryAdd(connection, topic));
        }
        _harness = await SqliteBusHarness.StartAsync(
            services => services.AddSingleton(subscriptions).AddSingleton<AccountOwners>().AddSingleton<IHubContext<EventsHub>>(_hub),
            bus => bus.AddConsumer<EventsNotifier>(),
            db =>
            {
                var now = DateTime.UtcNow;
                db.Assets.Add(new Asset { Symbol = "BTC-USD", AssetType = "crypto", Source = "synthetic", CreatedAt = now, UpdatedAt = now });
                db.SchedulerJobs.Add(new SchedulerJob
                {
                    Id = JobId, Name = "btc", Source = "synthetic", Symbols = "[\"btc-usd\"]", Interval = "1d", Mode = "batch",
                    ScheduleKind = "interval", IntervalSeconds = 3600, OwnerId = "alice", CreatedAt = now, UpdatedAt = now,
                });
                db.IngestionRequests.Add(new IngestionRequest
                {
                    Id = RequestId, Source = "synthetic", Symbols = "[\"BTC-USD\"]", AssetType = null, Interval = "1d", Mode = "batch",
                    Status = IngestionStatuses.Running, JobId = JobId, RunId = RunId, CreatedAt = now,
                });
                return db.SaveChangesAsync();
            });
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Should_reach_every_topic_the_event_concerns_and_no_other(string kind, string[] watchers)
    {
        var now = DateTime.UtcNow;
        var bus = _harness.Bus;
        await (kind switch
        {
            "progress" => bus.PublishAndConsumeAsync<EventsNotifier, CollectionProgress>(new(RequestId, JobId, RunId, "BTC-USD", 1, 2, 10, 10, now)),
            "completed" => bus.PublishAndConsumeAsync<EventsNotifier, CollectionCompleted>(new(RequestId, JobId, RunId, 10, 10, 0, [], 100, now, IngestionStatuses.Succeeded, 2)),
            "failed symbol" => bus.PublishAndConsumeAsync<EventsNotifier, CollectionFailed>(new(RequestId, JobId, RunId, "BTC-USD", ErrorClass.NotFound, "gone", now)),
            "failed request" => bus.PublishAndConsumeAsync<EventsNotifier, CollectionFailed>(new(RequestId, JobId, RunId, null, ErrorClass.Transient, "down", now)),
            "job status" => bus.PublishAndConsumeAsync<EventsNotifier, JobRunStatusChanged>(new(JobId, RunId, "btc", "running", 0, null, null, now,
                new JobOwner("alice"), ["BTC-USD"], ["crypto"])),
            "job status from an older publisher" => bus.PublishAndConsumeAsync<EventsNotifier, JobRunStatusChanged>(new(JobId, RunId, "btc", "running", 0, null, null, now)),
            "analytics" => bus.PublishAndConsumeAsync<EventsNotifier, AnalyticsProgress>(new(RequestId, "metrics", "running", 1, 2, null, now)),
            "quality finding" => bus.PublishAndConsumeAsync<EventsNotifier, DataQualityIssueFound>(new(1, 1, "BTC-USD", "1d", "outlier", now, "warning", true,
                "a 40 % jump", 90, now)),
            _ => bus.PublishAndConsumeAsync<EventsNotifier, OrderAccepted>(new(Guid.NewGuid(), Guid.NewGuid(), null, "BTC-USD", "buy", "market", 1,
                null, null, "day", now)),
        });

        Assert.NotEmpty(_hub.Sent);
        Assert.All(_hub.Sent, sent => Assert.Equal(watchers.Order(), sent.Connections));
    }

    [Fact]
    public async Task Should_route_an_event_by_the_symbols_and_asset_types_it_carries_without_reading_its_request()
    {
        // A request of another process's database: nothing about it is stored here.
        var elsewhere = Guid.NewGuid();
        await _harness.Bus.PublishAndConsumeAsync<EventsNotifier, CollectionCompleted>(new(elsewhere, null, null, 10, 10, 0, [], 100,
            DateTime.UtcNow, IngestionStatuses.Succeeded, 2, new RequestRouting(null, null, ["BTC-USD", "AAPL"], ["crypto", "stock"])));

        Assert.Equal(["all", "asset", "crypto", "stock"], Assert.Single(_hub.Sent).Connections.Order());
    }
}
