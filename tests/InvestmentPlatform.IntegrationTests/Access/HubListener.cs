using System.Collections.Concurrent;
using System.Text.Json;
using InvestmentPlatform.IntegrationTests.Api;
using Microsoft.AspNetCore.SignalR.Client;

namespace InvestmentPlatform.IntegrationTests.Access;

/// <summary>A hub connection with a token, subscribed to one topic (all of them unless told), keeping each event it is sent in order.</summary>
public static class HubListener
{
    public static async Task<(HubConnection, ConcurrentQueue<(string Method, JsonElement Body)>)> ConnectAsync(ApiHost host, string token, string topic = "all")
    {
        var messages = new ConcurrentQueue<(string, JsonElement)>();
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(host.Factory.Server.BaseAddress, "/hubs/events"), o =>
            {
                o.HttpMessageHandlerFactory = _ => host.Factory.Server.CreateHandler();
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();
        foreach (var method in new[] { "collection_progress", "job_status", "error", "report_ready", "replay_progress" })
            connection.On<JsonElement>(method, body => messages.Enqueue((method, body)));
        await connection.StartAsync();
        await connection.InvokeAsync("Subscribe", topic);
        return (connection, messages);
    }

    public static async Task<(string Method, JsonElement Body)> NextAsync(ConcurrentQueue<(string Method, JsonElement Body)> messages)
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
}
