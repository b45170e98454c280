using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.Data.Series;

/// <summary>A dividend or split of one asset on one day (its ex-date), as the stored bars carry it.</summary>
/// <param name="Date">The ex-date, 00:00 UTC.</param>
/// <param name="Dividend">Cash per share, or null when none was paid that day.</param>
/// <param name="Split">New shares per old share (4 for a 4-for-1 split), or null when there was no split.</param>
public sealed record StoredCorporateAction(DateTime Date, double? Dividend, double? Split);

public static class StoredCorporateActions
{
    /// <summary>
    /// The asset's dividends and splits with an ex-date from <paramref name="from"/>'s day to <paramref name="to"/>
    /// (inclusive), oldest first. Only the bars table of stocks and the like carries them.
    /// </summary>
    public static async Task<IReadOnlyList<StoredCorporateAction>> ReadAsync(
        PlatformDbContext db, long assetId, DateTime? from, DateTime? to, CancellationToken ct)
    {
        var rows = db.MarketData.AsNoTracking()
            .Where(b => b.AssetId == assetId && (b.Dividends != 0 || (b.StockSplits != 0 && b.StockSplits != 1)));
        if (from is { } f)
            rows = rows.Where(b => b.Time >= f.Date);
        if (to is { } t)
            rows = rows.Where(b => b.Time <= t);
        var events = await rows.Select(b => new { b.Time, b.Interval, b.Dividends, b.StockSplits }).ToListAsync(ct);

        // Daily and intraday rows may both carry the same action; as in the adjustment, the daily row speaks for its day.
        return events.GroupBy(e => e.Time.Date).OrderBy(d => d.Key)
            .Select(d => d.OrderBy(e => e.Interval == "1d" ? 0 : 1).First())
            .Select(e => new StoredCorporateAction(DateTime.SpecifyKind(e.Time.Date, DateTimeKind.Utc),
                e.Dividends != 0 ? e.Dividends : null,
                e.StockSplits != 0 && e.StockSplits != 1 ? e.StockSplits : null))
            .ToList();
    }
}
