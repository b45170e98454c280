using System.Collections.Concurrent;

namespace InvestmentPlatform.Api.Hubs;

/// <summary>
/// The groups each connection joined on this process. An event matches several topics at once (all, its job, its
/// request, its asset type); sending to the union of their members once keeps a client in two groups from getting it twice.
/// </summary>
public sealed class TopicSubscriptions
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> _byConnection = new();

    public void Add(string connectionId, string topic) =>
        _byConnection.GetOrAdd(connectionId, _ => new())[topic] = 0;

    public void Remove(string connectionId, string topic)
    {
        if (_byConnection.TryGetValue(connectionId, out var topics))
            topics.TryRemove(topic, out _);
    }

    public void RemoveConnection(string connectionId) => _byConnection.TryRemove(connectionId, out _);

    public IReadOnlyList<string> ConnectionsFor(IReadOnlyCollection<string> topics) =>
        _byConnection.Where(c => topics.Any(c.Value.ContainsKey)).Select(c => c.Key).ToList();
}
