using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Contracts.Scheduler;
using InvestmentPlatform.Data.Ingestion;
using InvestmentPlatform.IntegrationTests.Api;
using InvestmentPlatform.IntegrationTests.Infrastructure;
using MassTransit;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace InvestmentPlatform.IntegrationTests.Access;

[Collection(IntegrationCollection.Name)]
public sealed class When_users_watch_the_hub : IAsyncLifetime
{
    private ApiHost _host = null!;

    public async Task InitializeAsync() => _host = await ApiHost.StartAsync(ApiDatabase.Sqlite);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<(HubConnection, ConcurrentQueue<(string Method, JsonElement Body)>)> ConnectAsync(string token)
    {
        var messages = new ConcurrentQueue<(string, JsonElement)>();
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(_host.Factory.Server.BaseAddress, "/hubs/events"), o =>
            {
                o.HttpMessageHandlerFactory = _ => _host.Factory.Server.CreateHandler();
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();
        foreach (var method in new[] { "collection_progress", "job_status", "error" })
            connection.On<JsonElement>(method, body => messages.Enqueue((method, body)));
        await connection.StartAsync();
        await connection.InvokeAsync("Subscribe", "all");
        return (connection, messages);
    }

    private static async Task<(string Method, JsonElement Body)> NextAsync(ConcurrentQueue<(string Method, JsonElement Body)> messages)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (messages.TryDequeue(out var m))
                return m;
            await Task.Delay(50);
        }
        throw new TimeoutException("No hub message within 20 s.");
    }

    [Fact]
    public async Task Should_never_send_a_user_another_users_request_errors()
    {
        var aliceToken = await _host.CreateUserAsync("alice", "analyst");
        var bobToken = await _host.CreateUserAsync("bob", "analyst");
        var bobId = (await _host.WithToken(bobToken).GetFromJsonAsync<JsonElement>("/api/auth/me")).GetProperty("id").GetString();
        var (alice, aliceMessages) = await ConnectAsync(aliceToken);
        var (bob, bobMessages) = await ConnectAsync(bobToken);

        var requestId = Guid.NewGuid();
        await _host.InsertAsync([new IngestionRequest
        {
            Id = requestId, Source = ApiHost.TestSource, Symbols = "[\"BOB1\"]", Interval = "1d", Mode = "batch", Status = "running",
            From = DateTime.UtcNow.AddDays(-5), To = DateTime.UtcNow, RequestedBy = bobId, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
        }]);
        var bus = _host.Factory.Services.GetRequiredService<IBus>();
        await bus.Publish(new CollectionFailed(requestId, null, null, "BOB1", ErrorClass.NotFound, "/home/bob/secret.csv: not found", DateTime.UtcNow));
        var (method, body) = await NextAsync(bobMessages);
        Assert.Equal("error", method);
        Assert.Equal(requestId, body.GetProperty("requestId").GetGuid());

        // A global event after it: Alice's next message must be that one, never Bob's error.
        var jobId = Guid.NewGuid();
        await bus.Publish(new JobRunStatusChanged(jobId, Guid.NewGuid(), "shared job", "running", 0, null, null, DateTime.UtcNow));
        var (aliceMethod, aliceBody) = await NextAsync(aliceMessages);
        Assert.Equal("job_status", aliceMethod);
        Assert.Equal(jobId, aliceBody.GetProperty("jobId").GetGuid());

        await alice.DisposeAsync();
        await bob.DisposeAsync();
    }
}
