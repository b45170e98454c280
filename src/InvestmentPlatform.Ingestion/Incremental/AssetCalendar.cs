using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Collectors.Core;
using InvestmentPlatform.Data.Assets;

namespace InvestmentPlatform.Ingestion.Incremental;

/// <summary>When an asset class trades: weekdays for stocks, FX and rates, every day for crypto and economic series.</summary>
public sealed record AssetCalendar(bool WeekdaysOnly)
{
    public static AssetCalendar For(string? assetType) => new(assetType is not (AssetTypes.Crypto or AssetTypes.EconomicIndicator));

    public bool IsTradingDay(DateTime t) => !WeekdaysOnly || t.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>Trading days strictly after the day of <paramref name="a"/> and strictly before the day of <paramref name="b"/>.</summary>
    public int TradingDaysBetween(DateTime a, DateTime b)
    {
        var count = 0;
        for (var d = a.Date.AddDays(1); d < b.Date; d = d.AddDays(1))
            if (IsTradingDay(d))
                count++;
        return count;
    }

    /// <summary>Bars the calendar expects in the open interval (a, b) for <paramref name="interval"/>.</summary>
    public long MissingBars(DateTime a, DateTime b, string interval)
    {
        var length = BarIntervals.Length(interval);
        // Intraday sessions are unknown per exchange, so intraday holes count by whole missing trading days.
        if (length < TimeSpan.FromDays(1))
            return TradingDaysBetween(a, b);
        if (length == TimeSpan.FromDays(1))
            return TradingDaysBetween(a, b);
        return Math.Max(0, (long)Math.Round((b - a) / length) - 1);
    }

    /// <summary>The time <paramref name="bars"/> trading bars before <paramref name="t"/>.</summary>
    public DateTime StepBack(DateTime t, int bars, string interval)
    {
        var length = BarIntervals.Length(interval);
        for (var i = 0; i < bars; i++)
        {
            t -= length;
            while (length <= TimeSpan.FromDays(1) && !IsTradingDay(t))
                t = t.AddDays(-1);
        }
        return t;
    }
}
