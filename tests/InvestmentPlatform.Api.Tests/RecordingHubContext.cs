using InvestmentPlatform.Api.Hubs;
using Microsoft.AspNetCore.SignalR;

namespace InvestmentPlatform.Api.Tests;

/// <summary>A hub context that records what the notifier sends, and to which connections.</summary>
internal sealed class RecordingHubContext : IHubContext<EventsHub>
{
    public RecordingHubContext() => Clients = new RecordingClients(this);

    public List<(IReadOnlyList<string> Connections, string Method, object? Payload)> Sent { get; } = [];

    public IHubClients Clients { get; }

    public IGroupManager Groups => throw new NotSupportedException("the notifier sends to connections, never to groups");

    private sealed class RecordingClients(RecordingHubContext hub) : IHubClients
    {
        public IClientProxy Clients(IReadOnlyList<string> connectionIds) => new Proxy(hub, connectionIds);
        public IClientProxy Client(string connectionId) => Clients([connectionId]);

        // The notifier reaches connections one by one, by what each subscribed to; anything else is a change to notice.
        public IClientProxy All => throw new NotSupportedException();
        public IClientProxy AllExcept(IReadOnlyList<string> excludedConnectionIds) => throw new NotSupportedException();
        public IClientProxy Group(string groupName) => throw new NotSupportedException();
        public IClientProxy GroupExcept(string groupName, IReadOnlyList<string> excludedConnectionIds) => throw new NotSupportedException();
        public IClientProxy Groups(IReadOnlyList<string> groupNames) => throw new NotSupportedException();
        public IClientProxy User(string userId) => throw new NotSupportedException();
        public IClientProxy Users(IReadOnlyList<string> userIds) => throw new NotSupportedException();
    }

    private sealed class Proxy(RecordingHubContext hub, IReadOnlyList<string> connections) : IClientProxy
    {
        public Task SendCoreAsync(string method, object?[] args, CancellationToken cancellationToken = default)
        {
            lock (hub.Sent)
                hub.Sent.Add(([.. connections.Order()], method, args.FirstOrDefault()));
            return Task.CompletedTask;
        }
    }
}
