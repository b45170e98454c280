using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Series;
using InvestmentPlatform.Quality.Checks;
using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.Quality.Running;

/// <summary>Reads a window of one series, from whichever table holds it, as the checks' bars.</summary>
public sealed class QualitySeriesReader(PlatformDbContext db)
{
    /// <summary>Bars in [from, to], oldest first.</summary>
    public Task<List<QualityBar>> ReadAsync(string assetType, long assetId, string interval, DateTime from, DateTime to, CancellationToken ct) =>
        SeriesTable.For(assetType).Name switch
        {
            "forex_rates" => db.ForexRates.AsNoTracking().Where(r => r.AssetId == assetId && r.Interval == interval && r.Time >= from && r.Time <= to)
                .OrderBy(r => r.Time).Select(r => new QualityBar(r.Time, r.Open, r.High, r.Low, r.Close, null, 0, 0)).ToListAsync(ct),
            "bond_rates" => db.BondRates.AsNoTracking().Where(r => r.AssetId == assetId && r.Interval == interval && r.Time >= from && r.Time <= to)
                .OrderBy(r => r.Time).Select(r => new QualityBar(r.Time, r.Rate, r.Rate, r.Rate, r.Rate, null, 0, 0)).ToListAsync(ct),
            "economic_data" => db.EconomicData.AsNoTracking().Where(r => r.AssetId == assetId && r.Interval == interval && r.Time >= from && r.Time <= to)
                .OrderBy(r => r.Time).Select(r => new QualityBar(r.Time, r.Value, r.Value, r.Value, r.Value, null, 0, 0)).ToListAsync(ct),
            _ => db.MarketData.AsNoTracking().Where(r => r.AssetId == assetId && r.Interval == interval && r.Time >= from && r.Time <= to)
                .OrderBy(r => r.Time).Select(r => new QualityBar(r.Time, r.Open, r.High, r.Low, r.Close, r.Volume, r.Dividends, r.StockSplits)).ToListAsync(ct),
        };

    /// <summary>Time of the series' first stored bar, or null when it has none.</summary>
    public Task<DateTime?> FirstTimeAsync(string assetType, long assetId, string interval, CancellationToken ct) =>
        SeriesTable.For(assetType).Name switch
        {
            "forex_rates" => db.ForexRates.Where(r => r.AssetId == assetId && r.Interval == interval).MinAsync(r => (DateTime?)r.Time, ct),
            "bond_rates" => db.BondRates.Where(r => r.AssetId == assetId && r.Interval == interval).MinAsync(r => (DateTime?)r.Time, ct),
            "economic_data" => db.EconomicData.Where(r => r.AssetId == assetId && r.Interval == interval).MinAsync(r => (DateTime?)r.Time, ct),
            _ => db.MarketData.Where(r => r.AssetId == assetId && r.Interval == interval).MinAsync(r => (DateTime?)r.Time, ct),
        };

    /// <summary>Stored bars in [from, to].</summary>
    public Task<int> CountAsync(string assetType, long assetId, string interval, DateTime from, DateTime to, CancellationToken ct) =>
        SeriesTable.For(assetType).Name switch
        {
            "forex_rates" => db.ForexRates.CountAsync(r => r.AssetId == assetId && r.Interval == interval && r.Time >= from && r.Time <= to, ct),
            "bond_rates" => db.BondRates.CountAsync(r => r.AssetId == assetId && r.Interval == interval && r.Time >= from && r.Time <= to, ct),
            "economic_data" => db.EconomicData.CountAsync(r => r.AssetId == assetId && r.Interval == interval && r.Time >= from && r.Time <= to, ct),
            _ => db.MarketData.CountAsync(r => r.AssetId == assetId && r.Interval == interval && r.Time >= from && r.Time <= to, ct),
        };
}
