using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.Data.Assets;

/// <summary>Symbols name assets whatever their case, wherever a list of them is looked up.</summary>
public static class AssetsNamed
{
    public static IQueryable<Asset> Named(this DbSet<Asset> assets, IEnumerable<string> symbols)
    {
        var upper = symbols.Select(s => s.ToUpperInvariant()).ToList();
        return assets.AsNoTracking().Where(a => upper.Contains(a.Symbol.ToUpper()));
    }

    /// <summary>The asset types a list of symbols concerns: <paramref name="assetType"/> when given, else each stored asset's.</summary>
    public static async Task<List<string>> TypesOfAsync(this DbSet<Asset> assets, IReadOnlyCollection<string> symbols, string? assetType, CancellationToken ct) =>
        assetType is not null ? [assetType]
        : symbols.Count == 0 ? []
        : await assets.Named(symbols).Select(a => a.AssetType).Distinct().ToListAsync(ct);
}
