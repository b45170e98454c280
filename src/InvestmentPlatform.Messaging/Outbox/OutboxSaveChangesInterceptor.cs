using Microsoft.EntityFrameworkCore.Diagnostics;

namespace InvestmentPlatform.Messaging.Outbox;

/// <summary>Stamps new outbox rows with their creation time and wakes the relay once the save has written them.</summary>
public sealed class OutboxSaveChangesInterceptor(OutboxSignal signal, TimeProvider clock) : OutboxRowsInterceptor
{
    private bool _hasOutboxRows;

    protected override void Stamp(IReadOnlyList<OutboxMessage> added)
    {
        _hasOutboxRows = added.Count > 0;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var row in added)
            if (row.CreatedAt == default)
                row.CreatedAt = now;
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

    private void Wake()
    {
        if (_hasOutboxRows)
            signal.Notify();
    }
}
