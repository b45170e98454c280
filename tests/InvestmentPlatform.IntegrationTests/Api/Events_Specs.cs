using System.Collections.Concurrent;
using System.Text.Json;
using InvestmentPlatform.Contracts.Analytics;
using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Contracts.Quality;
using InvestmentPlatform.Contracts.Scheduler;
using InvestmentPlatform.IntegrationTests.Infrastructure;
using MassTransit;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace InvestmentPlatform.IntegrationTests.Api;

[Collection(IntegrationCollection.Name)]
public sealed class When_bus_events_reach_the_events_hub : IAsyncLifetime
{
    private ApiHost _first = null!;
    private ApiHost _second = null!;

    public async Task InitializeAsync()
    {
        _first = await ApiHost.StartAsync();
        _second = await ApiHost.StartAsync();
        await WaitForBusAsync(_first);
        await WaitForBusAsync(_second);
    }

    public async Task DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
    }

    [Fact]
    public async Task Should_push_collection_progress_to_subscribers_of_every_api_process()
    {
        var requestId = Guid.NewGuid();
        var (onFirst, firstMessages) = await ConnectAsync(_first, $"request:{requestId}");
        var (onSecond, secondMessages) = await ConnectAsync(_second, "all");
        var unrelatedId = Guid.NewGuid();
        var (unrelated, unrelatedMessages) = await ConnectAsync(_first, $"request:{unrelatedId}");

        // Published once on the first process's bus; the second process's notifier gets its own copy.
        var bus = _first.Factory.Services.GetRequiredService<IBus>();
        await bus.Publish(new CollectionProgress(requestId, null, null, "AAPL", 2, 5, 200, 180, DateTime.UtcNow));

        var first = await NextAsync(firstMessages, "collection_progress");
        Assert.Equal(requestId, first.GetProperty("requestId").GetGuid());
        Assert.Equal("AAPL", first.GetProperty("symbol").GetString());
        Assert.Equal("running", first.GetProperty("status").GetString());
        Assert.Equal(2, first.GetProperty("chunksDone").GetInt32());
        Assert.Equal(5, first.GetProperty("chunksTotal").GetInt32());
        Assert.Equal(180, first.GetProperty("recordsLoaded").GetInt64());
        var second = await NextAsync(secondMessages, "collection_progress");
        Assert.Equal(requestId, second.GetProperty("requestId").GetGuid());

        await bus.Publish(new CollectionCompleted(requestId, null, null, 200, 200, 0, [], 1500, DateTime.UtcNow));
        Assert.Equal("succeeded", (await NextAsync(firstMessages, "collection_progress")).GetProperty("status").GetString());

        await bus.Publish(new CollectionFailed(requestId, null, null, "MSFT", ErrorClass.RateLimited, "429 Too Many Requests", DateTime.UtcNow));
        var error = await NextAsync(firstMessages, "error");
        Assert.Equal("RateLimited", error.GetProperty("errorClass").GetString());
        Assert.Equal("MSFT", error.GetProperty("symbol").GetString());

        // The unrelated subscriber's own event, published after the others were seen: a connection's messages arrive in
        // order, so once it is here anything wrongly fanned out to that subscriber earlier would be here too.
        await bus.Publish(new CollectionCompleted(unrelatedId, null, null, 1, 1, 0, [], 10, DateTime.UtcNow));
        Assert.Equal(unrelatedId, (await NextAsync(unrelatedMessages, "collection_progress")).GetProperty("requestId").GetGuid());
        Assert.Empty(unrelatedMessages);
        await onFirst.DisposeAsync();
        await onSecond.DisposeAsync();
        await unrelated.DisposeAsync();
    }

    [Fact]
    public async Task Should_push_job_status_to_job_subscribers_and_refuse_unknown_topics()
    {
        var jobId = Guid.NewGuid();
        var (connection, messages) = await ConnectAsync(_second, $"job:{jobId}");
        var (witness, witnessed) = await ConnectAsync(_second, $"job:{jobId}");
        var otherJobId = Guid.NewGuid();
        await connection.InvokeAsync("Subscribe", $"job:{otherJobId}");
        await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync("Subscribe", "jobs:everything"));

        await _first.Factory.Services.GetRequiredService<IBus>().Publish(
            new JobRunStatusChanged(jobId, Guid.NewGuid(), "daily stocks", "running", 0, null, null, DateTime.UtcNow));
        var status = await NextAsync(messages, "job_status");
        Assert.Equal(jobId, status.GetProperty("jobId").GetGuid());
        Assert.Equal("daily stocks", status.GetProperty("jobName").GetString());
        Assert.Equal("running", status.GetProperty("status").GetString());

        Assert.Equal("running", (await NextAsync(witnessed, "job_status")).GetProperty("status").GetString());

        await connection.InvokeAsync("Unsubscribe", $"job:{jobId}");
        var bus = _first.Factory.Services.GetRequiredService<IBus>();
        await bus.Publish(new JobRunStatusChanged(jobId, Guid.NewGuid(), "daily stocks", "succeeded", 10, null, null, DateTime.UtcNow));
        // The witness still subscribed has it, so the hub has sent it; the other job's event, sent after, is then the next
        // one the unsubscribed connection may see.
        Assert.Equal("succeeded", (await NextAsync(witnessed, "job_status")).GetProperty("status").GetString());
        await bus.Publish(new JobRunStatusChanged(otherJobId, Guid.NewGuid(), "weekly rates", "running", 0, null, null, DateTime.UtcNow));
        Assert.Equal(otherJobId, (await NextAsync(messages, "job_status")).GetProperty("jobId").GetGuid());
        Assert.Empty(messages);
        await connection.DisposeAsync();
        await witness.DisposeAsync();
    }

    [Fact]
    public async Task Should_push_analytics_progress_to_watchers_of_the_result()
    {
        var resultId = Guid.NewGuid();
        var (connection, messages) = await ConnectAsync(_second, $"request:{resultId}");

        await _first.Factory.Services.GetRequiredService<IBus>().Publish(
            new AnalyticsProgress(resultId, "risk", "running", 3, 10, null, DateTime.UtcNow));
        var progress = await NextAsync(messages, "analytics_progress");
        Assert.Equal(resultId, progress.GetProperty("resultId").GetGuid());
        Assert.Equal("risk", progress.GetProperty("kind").GetString());
        Assert.Equal(3, progress.GetProperty("done").GetInt32());
        Assert.Equal(10, progress.GetProperty("total").GetInt32());
        await connection.DisposeAsync();
    }

    [Fact]
    public async Task Should_push_a_new_quality_finding_to_watchers_of_its_asset_only()
    {
        var (connection, messages) = await ConnectAsync(_second, "asset:GBPUSD=X");
        var bus = _first.Factory.Services.GetRequiredService<IBus>();

        await bus.Publish(new DataQualityIssueFound(41, 5, "EURUSD=X", "1d", "stale", DateTime.UtcNow.Date, "warning", false, "no bar for 4 sessions", 80, DateTime.UtcNow));
        await bus.Publish(new DataQualityIssueFound(42, 7, "GBPUSD=X", "1d", "unit", new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc), "error", true,
            "close 125.3 is 100× the bars around it and reverts", 64.5, DateTime.UtcNow));

        // The EURUSD=X finding went to another topic: the first message this watcher gets is its own asset's.
        var finding = await NextAsync(messages, "quality_finding");
        Assert.Equal(42, finding.GetProperty("findingId").GetInt64());
        Assert.Equal("GBPUSD=X", finding.GetProperty("symbol").GetString());
        Assert.Equal("unit", finding.GetProperty("kind").GetString());
        Assert.True(finding.GetProperty("quarantined").GetBoolean());
        Assert.Equal(64.5, finding.GetProperty("score").GetDouble());
        Assert.Equal(new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc), finding.GetProperty("barTime").GetDateTime().ToUniversalTime());
        await connection.DisposeAsync();
    }

    private static async Task<(HubConnection, ConcurrentQueue<(string Method, JsonElement Body)>)> ConnectAsync(ApiHost host, string topic)
    {
        var messages = new ConcurrentQueue<(string, JsonElement)>();
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(host.Factory.Server.BaseAddress, "/hubs/events"), o =>
            {
                o.HttpMessageHandlerFactory = _ => host.Factory.Server.CreateHandler();
                o.Headers[TestAccess.ApiKeyHeader] = host.AdminKey;
            })
            .Build();
        foreach (var method in new[] { "collection_progress", "job_status", "error", "analytics_progress", "quality_finding" })
            connection.On<JsonElement>(method, body => messages.Enqueue((method, body)));
        await connection.StartAsync();
        await connection.InvokeAsync("Subscribe", topic);
        return (connection, messages);
    }

    private static async Task<JsonElement> NextAsync(ConcurrentQueue<(string Method, JsonElement Body)> messages, string method)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (messages.TryDequeue(out var m))
            {
                Assert.Equal(method, m.Method);
                return m.Body;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"No {method} message within 20 s.");
    }

    private static async Task WaitForBusAsync(ApiHost host)
    {
        for (var i = 0; i < 120; i++)
        {
            if ((await host.Client.GetAsync("/api/health")).IsSuccessStatusCode)
                return;
            await Task.Delay(250);
        }
        throw new TimeoutException("The bus did not become healthy.");
    }
}
