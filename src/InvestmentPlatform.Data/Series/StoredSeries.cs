using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.Data.Series;

/// <summary>A stored bar of any series table, with a rate or an economic value as all four prices.</summary>
public sealed class StoredBar
{
    public DateTime Time { get; init; }
    public double Open { get; init; }
    public double High { get; init; }
    public double Low { get; init; }
    public double Close { get; init; }
    public double? AdjClose { get; init; }
    public double? Volume { get; init; }
    public double Dividends { get; init; }
    public double StockSplits { get; init; }
}

/// <summary>
/// One series, whichever table of <see cref="SeriesTable"/> holds it, as a query that callers filter, order and project
/// further: the one place that knows how each table's columns read as a bar.
/// </summary>
public static class StoredSeries
{
    public static IQueryable<StoredBar> Series(this PlatformDbContext db, SeriesTable table, long assetId, string interval)
    {
        if (table == SeriesTable.Forex)
            return db.ForexRates.AsNoTracking().Where(r => r.AssetId == assetId && r.Interval == interval)
                .Select(r => new StoredBar { Time = r.Time, Open = r.Open, High = r.High, Low = r.Low, Close = r.Close });
        if (table == SeriesTable.Bonds)
            return db.BondRates.AsNoTracking().Where(r => r.AssetId == assetId && r.Interval == interval)
                .Select(r => new StoredBar { Time = r.Time, Open = r.Rate, High = r.Rate, Low = r.Rate, Close = r.Rate });
        if (table == SeriesTable.Economic)
            return db.EconomicData.AsNoTracking().Where(r => r.AssetId == assetId && r.Interval == interval)
                .Select(r => new StoredBar { Time = r.Time, Open = r.Value, High = r.Value, Low = r.Value, Close = r.Value });
        return db.MarketData.AsNoTracking().Where(r => r.AssetId == assetId && r.Interval == interval)
            .Select(r => new StoredBar
            {
                Time = r.Time, Open = r.Open, High = r.High, Low = r.Low, Close = r.Close, AdjClose = r.AdjClose, Volume = r.Volume,
                Dividends = r.Dividends, StockSplits = r.StockSplits,
            });
    }
}
