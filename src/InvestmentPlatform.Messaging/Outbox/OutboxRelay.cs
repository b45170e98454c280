using InvestmentPlatform.Messaging.Resilience;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InvestmentPlatform.Messaging.Outbox;

/// <summary>Publishes committed outbox rows until the host stops; resumes whatever a crash left unsent.</summary>
public sealed class OutboxRelay(
    OutboxPublisher publisher,
    OutboxSignal signal,
    OutageLog outage,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxRelay> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromMilliseconds(options.Value.PollMilliseconds);
        var nextCleanup = clock.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                int published;
                do published = await publisher.PublishPendingAsync(stoppingToken);
                while (published >= options.Value.BatchSize);

                var now = clock.GetUtcNow();
                if (now >= nextCleanup)
                {
                    await publisher.DeleteSentBeforeAsync(now.UtcDateTime.AddDays(-options.Value.RetainSentDays), stoppingToken);
                    nextCleanup = now.AddHours(1);
                }
                outage.Recovered(OutageLog.Database);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                if (!outage.Report(ex))
                    logger.LogWarning(ex, "Outbox relay pass failed; retrying");
            }

            try
            {
                await signal.WaitAsync(poll, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
