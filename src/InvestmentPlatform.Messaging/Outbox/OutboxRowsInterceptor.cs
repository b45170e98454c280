using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace InvestmentPlatform.Messaging.Outbox;

/// <summary>Hands the outbox rows a save is about to insert to <see cref="Stamp"/>, on the synchronous and the async path.</summary>
public abstract class OutboxRowsInterceptor : SaveChangesInterceptor
{
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stamp(Added(eventData.Context));
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(Added(eventData.Context));
        return base.SavingChanges(eventData, result);
    }

    protected abstract void Stamp(IReadOnlyList<OutboxMessage> added);

    private static List<OutboxMessage> Added(DbContext? context) => context is null
        ? []
        : context.ChangeTracker.Entries<OutboxMessage>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
}
