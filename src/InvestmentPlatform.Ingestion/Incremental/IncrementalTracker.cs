using InvestmentPlatform.Calendars;
using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Data.Series;
using InvestmentPlatform.Collectors.Core;
using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Assets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InvestmentPlatform.Ingestion.Incremental;

/// <summary>A [From, To) range still to collect.</summary>
public readonly record struct TimeWindow(DateTime From, DateTime To);

/// <summary>
/// Finds what is stored for (asset, interval) in a range and returns only the windows to collect: the head before
/// the first stored bar, holes where the asset's exchange calendar expected bars, and the tail from a few bars before
/// the last stored bar (the overlap heals a provider's late corrections). A holiday is never a hole and a missing
/// session always is; intraday holes count whole sessions missed, since thin markets skip bars without trades.
/// </summary>
public sealed class IncrementalTracker(PlatformDbContext db, IOptions<IngestionOptions> options)
{
    public async Task<IReadOnlyList<TimeWindow>> FindWindowsAsync(
        string symbol, string? assetType, string interval, DateTime from, DateTime to, CancellationToken ct)
    {
        var asset = await db.Assets.AsNoTracking().Where(a => a.Symbol == symbol)
            .Select(a => new { a.AssetId, a.AssetType, a.Exchange }).FirstOrDefaultAsync(ct);
        if (asset is null)
            return [new(from, to)];
        var times = await StoredTimesAsync(asset.AssetId, asset.AssetType, interval, from, to, ct);
        var calendar = ExchangeCalendars.ForAsset(assetType ?? asset.AssetType, asset.Exchange, symbol, interval);
        return Gaps(times, calendar, interval, from, to, options.Value);
    }

    public static IReadOnlyList<TimeWindow> Gaps(
        IReadOnlyList<DateTime> stored, IExchangeCalendar calendar, string interval, DateTime from, DateTime to, IngestionOptions o)
    {
        if (stored.Count == 0)
            return [new(from, to)];

        var length = BarIntervals.Length(interval);
        // Only the plain-weekdays calendar of an exchange the model does not know needs room for its unknown holidays.
        var tolerance = calendar.Code == ExchangeCalendars.Weekdays && length <= TimeSpan.FromDays(1) ? o.HolidayToleranceDays : 0;
        var windows = new List<TimeWindow>();
        if (stored[0] > from && calendar.MissedBars(interval, from, stored[0]) > tolerance)
            windows.Add(new(from, stored[0]));
        for (var i = 1; i < stored.Count; i++)
        {
            if (stored[i] - stored[i - 1] > length && calendar.MissedBars(interval, stored[i - 1] + length, stored[i]) > tolerance)
                windows.Add(new(stored[i - 1] + length, stored[i]));
        }
        var tailStart = calendar.BarsBack(interval, stored[^1], o.OverlapBars);
        windows.Add(new(tailStart < from ? from : tailStart, to));
        return Merge(windows);
    }

    private static List<TimeWindow> Merge(List<TimeWindow> windows)
    {
        var merged = new List<TimeWindow>();
        foreach (var w in windows.OrderBy(w => w.From))
        {
            if (merged.Count > 0 && w.From <= merged[^1].To)
                merged[^1] = new(merged[^1].From, w.To > merged[^1].To ? w.To : merged[^1].To);
            else
                merged.Add(w);
        }
        return merged;
    }

    private Task<List<DateTime>> StoredTimesAsync(long assetId, string assetType, string interval, DateTime from, DateTime to, CancellationToken ct)
    {
        var table = SeriesTable.For(assetType);
        return table == SeriesTable.Forex ? TimesAsync(db.ForexRates)
            : table == SeriesTable.Bonds ? TimesAsync(db.BondRates)
            : table == SeriesTable.Economic ? TimesAsync(db.EconomicData)
            : TimesAsync(db.MarketData);

        Task<List<DateTime>> TimesAsync<T>(IQueryable<T> rows) where T : class, ISeriesEntity =>
            rows.Where(r => r.AssetId == assetId && r.Interval == interval && r.Time >= from && r.Time < to)
                .OrderBy(r => r.Time).Select(r => r.Time).ToListAsync(ct);
    }
}
