using InvestmentPlatform.Data.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace InvestmentPlatform.Messaging.Outbox;

/// <summary>Wakes the relay when a save wrote outbox rows.</summary>
public sealed class OutboxSaveChangesInterceptor(OutboxSignal signal) : SaveChangesInterceptor
{
    private bool _hasOutboxRows;

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        _hasOutboxRows = eventData.Context?.ChangeTracker.Entries<OutboxMessage>()
            .Any(e => e.State == EntityState.Added) ?? false;
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (_hasOutboxRows)
            signal.Notify();
        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }
}
