using InvestmentPlatform.Analytics.Metrics;

namespace InvestmentPlatform.Analytics.Series;

/// <summary>
/// Weekly and monthly prices from daily ones: the last daily price of each week (Monday to Sunday) or calendar month,
/// dated at the period's start as the platform dates its bars, so a period's price is its close.
/// </summary>
public static class PeriodPrices
{
    public const string Daily = "1d";
    public const string Weekly = "1wk";
    public const string Monthly = "1mo";

    public static readonly IReadOnlyList<string> Intervals = [Daily, Weekly, Monthly];

    public static TimeSeries Of(TimeSeries daily, string interval)
    {
        if (interval == Daily || daily.Count == 0)
            return daily;
        var times = new List<DateTime>();
        var values = new List<double>();
        for (var i = 0; i < daily.Count; i++)
        {
            var start = PeriodStart(daily.Times[i], interval);
            if (times.Count > 0 && times[^1] == start)
                values[^1] = daily.Values[i];
            else
            {
                times.Add(start);
                values.Add(daily.Values[i]);
            }
        }
        return new TimeSeries([.. times], [.. values]);
    }

    private static DateTime PeriodStart(DateTime t, string interval) => interval switch
    {
        Weekly => t.Date.AddDays(-(((int)t.DayOfWeek + 6) % 7)),
        Monthly => new DateTime(t.Year, t.Month, 1, 0, 0, 0, DateTimeKind.Utc),
        _ => throw new ArgumentOutOfRangeException(nameof(interval), interval, "Analytics reads 1d, 1wk or 1mo."),
    };
}
