using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Assets;
using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.Api.MarketData;

/// <summary>A dividend or split of one asset on one day (ex-date), as the stored bars carry it.</summary>
/// <param name="Date">The day, 00:00 UTC.</param>
/// <param name="Dividend">Cash per share, or null when none was paid that day.</param>
/// <param name="Split">New shares per old share (4 for a 4-for-1 split), or null when there was no split.</param>
public sealed record CorporateActionDto(DateTime Date, double? Dividend, double? Split);

public static class CorporateActions
{
    /// <summary>
    /// The asset's dividends and splits between <paramref name="from"/> and <paramref name="to"/> (inclusive), oldest
    /// first. Series without corporate actions (rates, yields, economic values) have none.
    /// </summary>
    public static async Task<IReadOnlyList<CorporateActionDto>> ReadAsync(
        PlatformDbContext db, Asset asset, DateTime? from, DateTime? to, CancellationToken ct)
    {
        if (!BarColumns.For(asset.AssetType).HasEvents)
            return [];
        var rows = db.MarketData.AsNoTracking()
            .Where(b => b.AssetId == asset.AssetId && (b.Dividends != 0 || (b.StockSplits != 0 && b.StockSplits != 1)));
        if (from is { } f)
            rows = rows.Where(b => b.Time >= f.Date);
        if (to is { } t)
            rows = rows.Where(b => b.Time <= t);
        var events = await rows.Select(b => new { b.Time, b.Interval, b.Dividends, b.StockSplits }).ToListAsync(ct);

        // Daily and intraday rows may both carry the same action; as in the adjustment, the daily row speaks for its day.
        return events.GroupBy(e => e.Time.Date).OrderBy(d => d.Key)
            .Select(d => d.OrderBy(e => e.Interval == "1d" ? 0 : 1).First())
            .Select(e => new CorporateActionDto(DateTime.SpecifyKind(e.Time.Date, DateTimeKind.Utc),
                e.Dividends != 0 ? e.Dividends : null,
                e.StockSplits != 0 && e.StockSplits != 1 ? e.StockSplits : null))
            .ToList();
    }
}
