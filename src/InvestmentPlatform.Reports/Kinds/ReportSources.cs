using InvestmentPlatform.Data;
using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.Reports.Kinds;

/// <summary>Where a report's data came from: the sources of its assets, and whether any of them is generated.</summary>
public static class ReportSources
{
    public static async Task<(string Sources, bool Synthetic)> OfSymbolsAsync(PlatformDbContext db, IReadOnlyCollection<string> symbols, CancellationToken ct)
    {
        var sources = await db.Assets.AsNoTracking().Where(a => symbols.Contains(a.Symbol)).Select(a => a.Source).Distinct().ToListAsync(ct);
        return Describe(sources);
    }

    public static async Task<(string Sources, bool Synthetic)> OfPortfolioAsync(PlatformDbContext db, Guid portfolioId, CancellationToken ct)
    {
        var sources = await db.PortfolioTransactions.AsNoTracking().Where(t => t.PortfolioId == portfolioId && t.AssetId != null)
            .Join(db.Assets, t => t.AssetId, a => a.AssetId, (_, a) => a.Source).Distinct().ToListAsync(ct);
        return Describe(sources);
    }

    private static (string, bool) Describe(IReadOnlyCollection<string> sources) =>
        (sources.Count == 0 ? "recorded transactions only" : string.Join(", ", sources.Order()),
            sources.Any(s => string.Equals(s, "synthetic", StringComparison.OrdinalIgnoreCase)));
}
