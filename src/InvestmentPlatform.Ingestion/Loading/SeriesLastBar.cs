using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Series;
using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.Ingestion.Loading;

/// <summary>The newest row of one series, read on the loader's connection so it sees the rows just written.</summary>
public static class SeriesLastBar
{
    public static Task<SeriesRow> ReadAsync(PlatformDbContext db, SeriesTable table, long assetId, string interval, CancellationToken ct) => table.Name switch
    {
        "market_data" => db.MarketData.AsNoTracking().Where(b => b.AssetId == assetId && b.Interval == interval).OrderByDescending(b => b.Time)
            .Select(b => new SeriesRow(b.Time, b.Open, b.High, b.Low, b.Close, b.AdjClose, b.Volume, b.Dividends, b.StockSplits)).FirstAsync(ct),
        "forex_rates" => db.ForexRates.AsNoTracking().Where(b => b.AssetId == assetId && b.Interval == interval).OrderByDescending(b => b.Time)
            .Select(b => new SeriesRow(b.Time, b.Open, b.High, b.Low, b.Close, null, null, 0, 0)).FirstAsync(ct),
        "bond_rates" => db.BondRates.AsNoTracking().Where(b => b.AssetId == assetId && b.Interval == interval).OrderByDescending(b => b.Time)
            .Select(b => new SeriesRow(b.Time, b.Rate, b.Rate, b.Rate, b.Rate, null, null, 0, 0)).FirstAsync(ct),
        "economic_data" => db.EconomicData.AsNoTracking().Where(b => b.AssetId == assetId && b.Interval == interval).OrderByDescending(b => b.Time)
            .Select(b => new SeriesRow(b.Time, b.Value, b.Value, b.Value, b.Value, null, null, 0, 0)).FirstAsync(ct),
        _ => throw new ArgumentOutOfRangeException(nameof(table), table, "Not a series table"),
    };
}
