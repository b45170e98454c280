using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace InvestmentPlatform.Data.Access;

/// <summary>A short account of what a SaveChanges writes: each entity type with how it changed.</summary>
public static class AuditChanges
{
    public const int MaxLength = 500;

    public static bool AnyIn(ChangeTracker tracker) =>
        tracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && e.Entity is not AuditEntry);

    public static string Describe(ChangeTracker tracker)
    {
        var text = string.Join(", ", tracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && e.Entity is not AuditEntry)
            .Select(e => $"{e.Metadata.ClrType.Name} {e.State.ToString().ToLowerInvariant()}")
            .Distinct());
        return text.Length <= MaxLength ? text : text[..(MaxLength - 1)] + "…";
    }
}
