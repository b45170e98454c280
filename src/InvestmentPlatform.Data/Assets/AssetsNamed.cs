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
}
