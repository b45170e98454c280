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
        Window(assetType, assetId, interval, from, to).OrderBy(r => r.Time)
            .Select(r => new QualityBar(r.Time, r.Open, r.High, r.Low, r.Close, r.Volume, r.Dividends, r.StockSplits)).ToListAsync(ct);

    /// <summary>Time of the series' first stored bar, or null when it has none.</summary>
    public Task<DateTime?> FirstTimeAsync(string assetType, long assetId, string interval, CancellationToken ct) =>
        db.Series(SeriesTable.For(assetType), assetId, interval).MinAsync(r => (DateTime?)r.Time, ct);

    /// <summary>Stored bars in [from, to].</summary>
    public Task<int> CountAsync(string assetType, long assetId, string interval, DateTime from, DateTime to, CancellationToken ct) =>
        Window(assetType, assetId, interval, from, to).CountAsync(ct);

    private IQueryable<StoredBar> Window(string assetType, long assetId, string interval, DateTime from, DateTime to) =>
        db.Series(SeriesTable.For(assetType), assetId, interval).Where(r => r.Time >= from && r.Time <= to);
}
