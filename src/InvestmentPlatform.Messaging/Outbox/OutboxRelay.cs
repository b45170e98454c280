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
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromMilliseconds(options.Value.PollMilliseconds);
        var nextCleanup = clock.GetUtcNow();
        return outage.RepeatAsync("Outbox relay pass", async ct =>
        {
            int published;
            do published = await publisher.PublishPendingAsync(ct);
            while (published >= options.Value.BatchSize);

            var now = clock.GetUtcNow();
            if (now >= nextCleanup)
            {
                await publisher.DeleteSentBeforeAsync(now.UtcDateTime.AddDays(-options.Value.RetainSentDays), ct);
                nextCleanup = now.AddHours(1);
            }
            outage.Recovered(OutageLog.Database);
        }, ct => signal.WaitAsync(poll, ct), logger, stoppingToken);
    }
}
