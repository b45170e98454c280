using System.Collections.Concurrent;

namespace InvestmentPlatform.Api.Hubs;

/// <summary>
/// The groups each connection joined on this process, and whose connection it is. An event matches several topics at
/// once (all, its job, its request, its asset type); sending to the union of their members once keeps a client in two
/// groups from getting it twice. An event that belongs to a user reaches only that user's connections and admins'.
/// </summary>
public sealed class TopicSubscriptions
{
    /// <summary>Topics one connection may hold; each costs memory on every API process.</summary>
    public const int MaxPerConnection = 100;

    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> _byConnection = new();
    private readonly ConcurrentDictionary<string, (string? UserId, bool IsAdmin)> _users = new();

    public void Identify(string connectionId, string? userId, bool isAdmin) => _users[connectionId] = (userId, isAdmin);

    /// <returns>False when the connection already holds <see cref="MaxPerConnection"/> other topics.</returns>
    public bool TryAdd(string connectionId, string topic)
    {
        var topics = _byConnection.GetOrAdd(connectionId, _ => new());
        lock (topics)
        {
            if (!topics.ContainsKey(topic) && topics.Count >= MaxPerConnection)
                return false;
            topics[topic] = 0;
            return true;
        }
    }

    public void Remove(string connectionId, string topic)
    {
        if (_byConnection.TryGetValue(connectionId, out var topics))
            topics.TryRemove(topic, out _);
    }

    public void RemoveConnection(string connectionId)
    {
        _byConnection.TryRemove(connectionId, out _);
        _users.TryRemove(connectionId, out _);
    }

    public IReadOnlyList<string> ConnectionsFor(IReadOnlyCollection<string> topics, EventAudience audience) =>
        _byConnection.Where(c => topics.Any(c.Value.ContainsKey) && MaySee(c.Key, audience)).Select(c => c.Key).ToList();

    /// <summary>Every connection of <paramref name="userId"/> on this process, whatever it subscribed to: a user's own inbox.</summary>
    public IReadOnlyList<string> ConnectionsOfUser(string userId) =>
        _users.Where(u => u.Value.UserId == userId).Select(u => u.Key).ToList();

    private bool MaySee(string connectionId, EventAudience audience) =>
        audience.IsPublic || (_users.TryGetValue(connectionId, out var user) && (user.IsAdmin || (user.UserId is not null && user.UserId == audience.Owner)));
}

/// <summary>Who may receive an event: everyone, or only its owner and admins (no owner: admins alone).</summary>
public sealed record EventAudience(bool IsPublic, string? Owner)
{
    public static readonly EventAudience Everyone = new(true, null);

    public static EventAudience OwnerAndAdmins(string? owner) => new(false, owner);
}
