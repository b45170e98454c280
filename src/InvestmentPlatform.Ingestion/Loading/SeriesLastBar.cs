using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Series;
using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.Ingestion.Loading;

/// <summary>The newest row of one series, read on the loader's connection so it sees the rows just written.</summary>
public static class SeriesLastBar
{
    public static Task<SeriesRow> ReadAsync(PlatformDbContext db, SeriesTable table, long assetId, string interval, CancellationToken ct) =>
        db.Series(table, assetId, interval).OrderByDescending(b => b.Time)
            .Select(b => new SeriesRow(b.Time, b.Open, b.High, b.Low, b.Close, b.AdjClose, b.Volume, b.Dividends, b.StockSplits)).FirstAsync(ct);
}
