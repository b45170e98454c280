using InvestmentPlatform.Api.Access;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace InvestmentPlatform.Api.Hubs;

/// <summary>Live job status and collection progress; clients join topic groups by job, request and asset type.</summary>
public sealed class EventsHub(TopicSubscriptions subscriptions, ILogger<EventsHub> logger) : Hub
{
    public override Task OnConnectedAsync()
    {
        subscriptions.Identify(Context.ConnectionId, Context.User?.UserIdOf(), Context.User?.IsAdmin() == true);
        return base.OnConnectedAsync();
    }

    public async Task Subscribe(string topic)
    {
        // The topic is neither echoed nor logged: it is whatever the client sent, of any length.
        if (HubTopics.Normalize(topic) is not { } canonical)
        {
            logger.LogWarning("Connection {ConnectionId} asked for an unknown topic ({Length} characters)", Context.ConnectionId, topic?.Length ?? 0);
            throw new HubException("Unknown topic: use all, job:{jobId}, request:{requestId}, asset:{symbol} or assetType:{type}.");
        }
        if (!subscriptions.TryAdd(Context.ConnectionId, canonical))
        {
            logger.LogWarning("Connection {ConnectionId} reached {Max} subscriptions", Context.ConnectionId, TopicSubscriptions.MaxPerConnection);
            throw new HubException($"At most {TopicSubscriptions.MaxPerConnection} subscriptions per connection.");
        }
        await Groups.AddToGroupAsync(Context.ConnectionId, canonical);
    }

    public async Task Unsubscribe(string topic)
    {
        if (HubTopics.Normalize(topic) is not { } canonical)
            return;
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, canonical);
        subscriptions.Remove(Context.ConnectionId, canonical);
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        subscriptions.RemoveConnection(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }
}
