using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace InvestmentPlatform.Messaging.Resilience;

/// <summary>
/// Keeps a process's log readable through a database or broker outage: one Warning when a dependency goes away, at
/// most one more a minute while it stays away, and one Information line when it is back. The database and the broker
/// are followed apart, so work that still reaches one does not announce the other's return.
/// </summary>
public sealed class OutageLog(ILogger<OutageLog> logger, TimeProvider clock)
{
    public const string Database = "database";
    public const string Broker = "message broker";

    private static readonly TimeSpan ReminderInterval = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, Outage> _outages = new();

    /// <returns>True when the failure was an outage and is logged here; false when the caller should log it.</returns>
    public bool Report(Exception exception)
    {
        if (!TransientFailure.IsTransient(exception))
            return false;
        var dependency = TransientFailure.IsBrokerFailure(exception) ? Broker : Database;
        var outage = _outages.GetOrAdd(dependency, _ => new Outage());
        var now = clock.GetUtcNow();
        lock (outage)
        {
            if (!outage.Down)
            {
                outage.Down = true;
                outage.Since = outage.LastWarning = now;
                logger.LogWarning("The {Dependency:l} is unavailable ({Reason}); work waits and is retried until it returns",
                    dependency, Reason(exception));
            }
            else if (now - outage.LastWarning >= ReminderInterval)
            {
                outage.LastWarning = now;
                logger.LogWarning("The {Dependency:l} is still unavailable after {Duration:0} s ({Reason})",
                    dependency, (now - outage.Since).TotalSeconds, Reason(exception));
            }
        }
        return true;
    }

    /// <summary>Called after work that needed <paramref name="dependency"/> succeeded.</summary>
    public void Recovered(string dependency)
    {
        if (!_outages.TryGetValue(dependency, out var outage) || !outage.Down)
            return;
        lock (outage)
        {
            if (!outage.Down)
                return;
            outage.Down = false;
            logger.LogInformation("The {Dependency:l} is available again after {Duration:0} s", dependency,
                (clock.GetUtcNow() - outage.Since).TotalSeconds);
        }
    }

    private static string Reason(Exception exception)
    {
        var inner = exception;
        while (inner.InnerException is not null)
            inner = inner.InnerException;
        return $"{inner.GetType().Name}: {inner.Message}";
    }

    private sealed class Outage
    {
        public volatile bool Down;
        public DateTimeOffset Since;
        public DateTimeOffset LastWarning;
    }
}
