using System.Data.Common;
using InvestmentPlatform.Data.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace InvestmentPlatform.Api.Access;

/// <summary>
/// Adds the request's audit row to the first SaveChanges that writes something, so the row shares that change's
/// transaction: a change that fails to commit leaves no row, and a row that fails to insert fails the change.
/// One row per request: later saves of the same request add none, unless the transaction holding the row rolled back.
/// </summary>
public sealed class AuditInterceptor(TimeProvider clock) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private AuditedChange? _expected;
    private bool _committed;
    private Guid? _savedInTransaction;
    private AuditEntry? _row;

    public void Expect(AuditedChange change) => _expected = change;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        AddRow(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        AddRow(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData);
        return Task.CompletedTask;
    }

    private void AddRow(DbContext? context)
    {
        if (_expected is not { } change || context is null || _committed || !AuditChanges.AnyIn(context.ChangeTracker))
            return;
        // Saved earlier in the transaction still open: the row is already part of this change.
        if (_savedInTransaction is { } saved && context.Database.CurrentTransaction?.TransactionId == saved)
            return;
        // A failed SaveChanges leaves its row tracked as added; the retry saves that one.
        if (_row is not null && context.Entry(_row).State == EntityState.Added)
            return;
        _row = new AuditEntry
        {
            Time = clock.GetUtcNow().UtcDateTime,
            UserId = change.UserId,
            UserName = change.UserName,
            ApiKeyId = change.ApiKeyId,
            Method = change.Method,
            Path = change.Path,
            Changes = AuditChanges.Describe(context.ChangeTracker),
        };
        context.Add(_row);
    }

    private void Saved(DbContext? context)
    {
        if (_row is null || context is null || _committed || context.Entry(_row).State != EntityState.Unchanged)
            return;
        if (context.Database.CurrentTransaction is { } open)
            _savedInTransaction = open.TransactionId;
        else
            _committed = true;
    }

    private void Committed(TransactionEndEventData eventData)
    {
        if (_savedInTransaction == eventData.TransactionId)
            _committed = true;
    }
}
