using Microsoft.Extensions.Logging;

namespace InvestmentPlatform.Messaging.Resilience;

/// <summary>
/// Keeps a process's log readable through a database or broker outage: one Warning when a dependency goes away, at
/// most one more a minute while it stays away, and one Information line when it is back.
/// </summary>
public sealed class OutageLog(ILogger<OutageLog> logger, TimeProvider clock)
{
    private static readonly TimeSpan ReminderInterval = TimeSpan.FromMinutes(1);
    private readonly Lock _gate = new();
    private volatile bool _down;
    private DateTimeOffset _since;
    private DateTimeOffset _lastWarning;

    /// <returns>True when the failure was an outage and is logged here; false when the caller should log it.</returns>
    public bool Report(Exception exception)
    {
        if (!TransientFailure.IsTransient(exception))
            return false;
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            if (!_down)
            {
                _down = true;
                _since = _lastWarning = now;
                logger.LogWarning("A platform dependency is unavailable ({Reason}); work waits and is retried until it returns",
                    Reason(exception));
            }
            else if (now - _lastWarning >= ReminderInterval)
            {
                _lastWarning = now;
                logger.LogWarning("A platform dependency is still unavailable after {Duration:0} s ({Reason})",
                    (now - _since).TotalSeconds, Reason(exception));
            }
        }
        return true;
    }

    /// <summary>Called after work that needed the dependencies succeeded.</summary>
    public void Recovered()
    {
        if (!_down)
            return;
        lock (_gate)
        {
            if (!_down)
                return;
            _down = false;
            logger.LogInformation("Platform dependencies are available again after {Duration:0} s", (clock.GetUtcNow() - _since).TotalSeconds);
        }
    }

    private static string Reason(Exception exception)
    {
        var inner = exception;
        while (inner.InnerException is not null)
            inner = inner.InnerException;
        return $"{inner.GetType().Name}: {inner.Message}";
    }
}
