using Microsoft.Extensions.Logging;

namespace InvestmentPlatform.Messaging.Resilience;

/// <summary>
/// The loop of a background service that repeats one pass until the host stops: run the pass; on failure log it
/// (once per outage through <see cref="OutageLog"/>, otherwise as a warning) and carry on; wait; again.
/// </summary>
public static class PeriodicPass
{
    /// <summary>Runs <paramref name="pass"/> now and then every <paramref name="interval"/> after the last one ended.</summary>
    /// <param name="name">What the pass does, for the warning when it fails ("Ingestion sweep").</param>
    public static Task RepeatAsync(this OutageLog outage, string name, Func<CancellationToken, Task> pass, TimeSpan interval,
        TimeProvider clock, ILogger logger, CancellationToken stoppingToken) =>
        outage.RepeatAsync(name, pass, ct => Task.Delay(interval, clock, ct), logger, stoppingToken);

    /// <summary>Runs <paramref name="pass"/> now and then again each time <paramref name="wait"/> completes.</summary>
    public static async Task RepeatAsync(this OutageLog outage, string name, Func<CancellationToken, Task> pass,
        Func<CancellationToken, Task> wait, ILogger logger, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await pass(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                // The host was disposed without being stopped (a CLI command ending early): its services are gone for good.
                return;
            }
            catch (Exception ex)
            {
                if (!outage.Report(ex))
                    logger.LogWarning(ex, "{Pass} failed; retrying", name);
            }

            try
            {
                await wait(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
