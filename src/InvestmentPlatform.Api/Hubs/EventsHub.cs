using InvestmentPlatform.Api.Access;
using Microsoft.AspNetCore.SignalR;

namespace InvestmentPlatform.Api.Hubs;

/// <summary>Live job status and collection progress; clients join topic groups by job, request and asset type.</summary>
public sealed class EventsHub(TopicSubscriptions subscriptions) : Hub
{
    public override Task OnConnectedAsync()
    {
        subscriptions.Identify(Context.ConnectionId, Context.User?.UserIdOf(), Context.User?.IsAdmin() == true);
        return base.OnConnectedAsync();
    }

    public async Task Subscribe(string topic)
    {
        var canonical = HubTopics.Normalize(topic)
            ?? throw new HubException($"Unknown topic '{topic}': use all, job:{{jobId}}, request:{{requestId}} or assetType:{{type}}.");
        await Groups.AddToGroupAsync(Context.ConnectionId, canonical);
        subscriptions.Add(Context.ConnectionId, canonical);
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
