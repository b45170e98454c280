using InvestmentPlatform.ServiceDefaults.Correlation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace InvestmentPlatform.Messaging.Outbox;

/// <summary>
/// Outbox rows written while handling an HTTP request carry its correlation id, which the relay publishes as the
/// message's CorrelationId: the request's id then follows the work through the bus.
/// </summary>
public sealed class OutboxCorrelationInterceptor : SaveChangesInterceptor
{
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    private static void Stamp(DbContext? context)
    {
        if (context is null || CorrelationId.Current is not { } id)
            return;
        foreach (var entry in context.ChangeTracker.Entries<OutboxMessage>())
            if (entry.State == EntityState.Added && entry.Entity.CorrelationId is null)
                entry.Entity.CorrelationId = id;
    }
}
