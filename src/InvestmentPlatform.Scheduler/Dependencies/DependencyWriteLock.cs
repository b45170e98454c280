using InvestmentPlatform.Data;
using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.Scheduler.Dependencies;

/// <summary>
/// Serialises job writes with their dependency cycle check: two edits that each look acyclic alone could otherwise
/// commit a cycle together. An advisory lock held to commit on PostgreSQL (every process), a gate on SQLite (one process).
/// </summary>
public static class DependencyWriteLock
{
    private static readonly SemaphoreSlim SqliteGate = new(1, 1);

    public static async Task<T> RunAsync<T>(PlatformDbContext db, Func<Task<T>> write, CancellationToken ct)
    {
        if (db.Provider != DatabaseProvider.Postgres)
        {
            await SqliteGate.WaitAsync(ct);
            try
            {
                return await write();
            }
            finally
            {
                SqliteGate.Release();
            }
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(hashtext('scheduler:job-dependencies'))", ct);
        var result = await write();
        await tx.CommitAsync(ct);
        return result;
    }
}
