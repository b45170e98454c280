using InvestmentPlatform.Contracts.Ingestion;

namespace InvestmentPlatform.Quality.Bench;

/// <summary>
/// One-minute crypto bars as a deterministic random walk per asset, with what the checks look for sown in at fixed
/// places: a one-bar spike every 4,000 bars (an outlier) and a repeated close every 7,000 (a flat run).
/// </summary>
public static class Walk
{
    private static readonly DateTime Start = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static DateTime Time(int i) => Start.AddMinutes(i);

    public static List<SeriesRow> Bars(int asset, int first, int count)
    {
        var rows = new List<SeriesRow>(count);
        for (var i = first; i < first + count; i++)
        {
            var close = Close(asset, i);
            var open = i == 0 ? close : Close(asset, i - 1);
            rows.Add(new SeriesRow(Time(i), open, Math.Max(open, close) * 1.0004, Math.Min(open, close) * 0.9996, close, close, 10 + i % 13));
        }
        return rows;
    }

    private static double Close(int asset, int i)
    {
        if (i % 7_000 is > 0 and < 6)
            i -= i % 7_000; // the same close for five bars
        // A sum of sines stands in for a walk: the same price for the same (asset, bar) whatever part asks for it.
        var price = 100 + asset % 50 + 3 * Math.Sin(i / 700.0 + asset) + Math.Sin(i / 37.0) * 0.4 + Math.Sin(i * 12.9898 + asset) * 0.05;
        return i % 4_000 == 1_999 ? price * 1.3 : price;
    }
}
