using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Data;
using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.Alerts.Evaluation;

/// <summary>
/// Reads back the few bars a move or volume rule compares the new bar with: one indexed range read per SeriesUpdated
/// that names the series, never a scan of the series tables.
/// </summary>
public sealed class SeriesHistory(PlatformDbContext db)
{
    /// <returns>Up to <paramref name="count"/> bars before <paramref name="before"/>, oldest first.</returns>
    public async Task<IReadOnlyList<BarPoint>> BeforeAsync(long assetId, string assetType, string interval, DateTime before, int count,
        CancellationToken ct)
    {
        if (count <= 0)
            return [];
        var bars = assetType switch
        {
            AssetTypes.Forex => await db.ForexRates.AsNoTracking()
                .Where(b => b.AssetId == assetId && b.Interval == interval && b.Time < before).OrderByDescending(b => b.Time).Take(count)
                .Select(b => new BarPoint(b.Time, b.Close, null)).ToListAsync(ct),
            AssetTypes.Bond => await db.BondRates.AsNoTracking()
                .Where(b => b.AssetId == assetId && b.Interval == interval && b.Time < before).OrderByDescending(b => b.Time).Take(count)
                .Select(b => new BarPoint(b.Time, b.Rate, null)).ToListAsync(ct),
            AssetTypes.EconomicIndicator => await db.EconomicData.AsNoTracking()
                .Where(b => b.AssetId == assetId && b.Interval == interval && b.Time < before).OrderByDescending(b => b.Time).Take(count)
                .Select(b => new BarPoint(b.Time, b.Value, null)).ToListAsync(ct),
            _ => await db.MarketData.AsNoTracking()
                .Where(b => b.AssetId == assetId && b.Interval == interval && b.Time < before).OrderByDescending(b => b.Time).Take(count)
                .Select(b => new BarPoint(b.Time, b.Close, b.Volume)).ToListAsync(ct),
        };
        bars.Reverse();
        return bars;
    }
}
