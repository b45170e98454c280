namespace InvestmentPlatform.Collectors.Core;

public static class TimeWindows
{
    /// <summary>Splits [from, to) into consecutive windows no longer than <paramref name="max"/>.</summary>
    public static IEnumerable<(DateTime From, DateTime To)> Split(DateTime from, DateTime to, TimeSpan max)
    {
        for (var start = from; start < to; start += max)
            yield return (start, start + max < to ? start + max : to);
    }

    /// <summary>
    /// Keeps the rows inside the window, plus rows outside the whole request so validation reports them;
    /// rows of a neighbouring window (providers treat window ends inclusively) are left to that window.
    /// </summary>
    public static List<Contracts.Ingestion.SeriesRow> ForWindow(
        IEnumerable<Contracts.Ingestion.SeriesRow> rows, DateTime windowFrom, DateTime windowTo, DateTime from, DateTime to) =>
        rows.Where(r => (r.Time >= windowFrom && r.Time < windowTo) || r.Time < from || r.Time >= to).ToList();
}
