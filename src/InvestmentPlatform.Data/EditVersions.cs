using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.Data;

/// <summary>
/// Optimistic concurrency for user edits: every editable row carries an int <c>Version</c> concurrency token, the edit
/// sends back the version it read (body field <c>version</c>), and a stale one is refused rather than overwriting what
/// someone else saved in between.
/// </summary>
public static class EditVersions
{
    public const string Field = "version";

    public const string Missing = "version is required: send the version you read with the object (GET it first).";

    public static string Stale(string what, int current) =>
        $"{what} changed since you read it (it is now at version {current}); reload it and make your edit again.";

    /// <summary>
    /// Saves an edit made with <see cref="Advance{T}"/>. When a concurrent edit saved first, nothing is saved and the
    /// answer is the version stored now (<c>Current</c> null when the row has gone); null when the edit was saved.
    /// </summary>
    public static async Task<StaleEdit?> SaveAsync(DbContext db, Func<Task<int?>> currentVersion, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new StaleEdit(await currentVersion());
        }
    }

    /// <summary>
    /// Makes SaveChanges update the row only while it still has the version the client read, and moves it on by one; an
    /// edit that raced past the caller's own check then fails with <see cref="DbUpdateConcurrencyException"/>.
    /// </summary>
    public static void Advance<T>(DbContext db, T entity, int read) where T : class
    {
        var version = db.Entry(entity).Property<int>("Version");
        version.OriginalValue = read;
        version.CurrentValue = read + 1;
    }
}

/// <summary>An edit that lost the race to another: <paramref name="Current"/> is the version stored now, null when the row has gone.</summary>
public sealed record StaleEdit(int? Current);
