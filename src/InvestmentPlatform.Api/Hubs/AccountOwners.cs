using System.Collections.Concurrent;
using InvestmentPlatform.Data;
using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.Api.Hubs;

/// <summary>
/// The owner of each paper account, read once per process: an account never changes owner, and a replay sends order
/// events by the thousand, so routing each one must not cost a query.
/// </summary>
public sealed class AccountOwners
{
    private readonly ConcurrentDictionary<Guid, string> _owners = new();

    /// <summary>The account's owner, or null for an account not (or no longer) stored, which is not remembered.</summary>
    public async ValueTask<string?> OfAsync(Guid accountId, PlatformDbContext db, CancellationToken ct)
    {
        if (_owners.TryGetValue(accountId, out var known))
            return known;
        var owner = await db.Portfolios.AsNoTracking().Where(p => p.Id == accountId).Select(p => p.OwnerId).FirstOrDefaultAsync(ct);
        if (owner is not null)
            _owners.TryAdd(accountId, owner);
        return owner;
    }
}
