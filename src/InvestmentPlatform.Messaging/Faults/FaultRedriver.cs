using InvestmentPlatform.Messaging.Resilience;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InvestmentPlatform.Messaging.Faults;

/// <summary>
/// Sends messages that faulted on a transient failure back to their queue when they are due. A pass needs the
/// database (to find them) and the broker (to send them), so nothing is re-driven before both are back.
/// </summary>
public sealed class FaultRedriver(
    IServiceScopeFactory scopes,
    OutageLog outage,
    IOptions<FaultLedgerOptions> options,
    TimeProvider clock,
    ILogger<FaultRedriver> logger) : BackgroundService
{
    private const int BatchSize = 50;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        outage.RepeatAsync("Re-driving faulted messages", async ct =>
        {
            var sent = await RedriveDueAsync(ct);
            if (sent > 0)
                logger.LogInformation("Re-drove {Count} messages that had faulted on a transient failure", sent);
        }, options.Value.PollInterval, clock, logger, stoppingToken);

    private async Task<int> RedriveDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Set<MessageFault>().Where(f => f.RedriveAt != null && f.RedriveAt <= now)
            .OrderBy(f => f.RedriveAt).Select(f => f.Id).Take(BatchSize).ToListAsync(ct);
        var sent = 0;
        foreach (var id in due)
        {
            await using var one = scopes.CreateAsyncScope();
            if (await one.ServiceProvider.GetRequiredService<FaultRedrive>().RedriveAsync(id, ct) == RedriveOutcome.Sent)
                sent++;
        }

        var kept = await db.Set<MessageFault>().GroupBy(f => f.ErrorClass).Select(g => new { g.Key, Count = g.LongCount() }).ToListAsync(ct);
        FaultMetrics.ObserveKept(new Dictionary<string, long>
        {
            [MessageFaultClasses.Transient] = kept.FirstOrDefault(k => k.Key == MessageFaultClasses.Transient)?.Count ?? 0,
            [MessageFaultClasses.Permanent] = kept.FirstOrDefault(k => k.Key == MessageFaultClasses.Permanent)?.Count ?? 0,
        });
        return sent;
    }
}
