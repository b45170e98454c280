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
