using InvestmentPlatform.Contracts.Trading;
using InvestmentPlatform.Data;
using InvestmentPlatform.Messaging.Resilience;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InvestmentPlatform.Trading.Fills;

/// <summary>
/// Day orders whose session has ended: each is first worked over the bars stored before its session end, then expired
/// (the fill engine does both in one change).
/// </summary>
public sealed class OrderExpiry(PlatformDbContext db, PaperFillEngine engine, TradingClock clock)
{
    /// <returns>Orders looked at.</returns>
    public async Task<int> ExpireDueAsync(CancellationToken ct)
    {
        var now = clock.UtcNow;
        var due = await db.PaperOrders.AsNoTracking()
            .Where(o => (o.Status == OrderStatuses.Accepted || o.Status == OrderStatuses.PartiallyFilled) && o.ExpiresAt != null && o.ExpiresAt <= now)
            .OrderBy(o => o.ExpiresAt).ThenBy(o => o.Id).Select(o => o.Id).Take(500).ToListAsync(ct);
        foreach (var id in due)
            await engine.ProcessOrderAsync(id, ct);
        return due.Count;
    }
}

/// <summary>Runs <see cref="OrderExpiry"/> every <see cref="TradingOptions.ExpirySweepSeconds"/> on the platform's clock.</summary>
public sealed class OrderExpirySweeper(IServiceScopeFactory scopes, TradingClock clock, IOptions<TradingOptions> options,
    OutageLog outage, ILogger<OrderExpirySweeper> logger) : BackgroundService
{
    // A failed sweep (the database away) changes nothing: the next one finds the same orders.
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        outage.RepeatAsync("Expiring day orders", async ct =>
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<OrderExpiry>().ExpireDueAsync(ct);
        }, TimeSpan.FromSeconds(Math.Max(1, options.Value.ExpirySweepSeconds)), clock.Time, logger, stoppingToken);
}
