using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace InvestmentPlatform.Messaging.Outbox;

/// <summary>Stamps new outbox rows with their creation time and wakes the relay once the save has written them.</summary>
public sealed class OutboxSaveChangesInterceptor(OutboxSignal signal, TimeProvider clock) : SaveChangesInterceptor
{
    private bool _hasOutboxRows;

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

    public override ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Wake();
        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Wake();
        return base.SavedChanges(eventData, result);
    }

    private void Stamp(DbContext? context)
    {
        _hasOutboxRows = false;
        if (context is null)
            return;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var entry in context.ChangeTracker.Entries<OutboxMessage>())
        {
            if (entry.State != EntityState.Added)
                continue;
            _hasOutboxRows = true;
            if (entry.Entity.CreatedAt == default)
                entry.Entity.CreatedAt = now;
        }
    }

    private void Wake()
    {
        if (_hasOutboxRows)
            signal.Notify();
    }
}
