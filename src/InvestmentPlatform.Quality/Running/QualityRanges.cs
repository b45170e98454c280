using InvestmentPlatform.Contracts.Ingestion;

namespace InvestmentPlatform.Quality.Running;

/// <summary>How the changed ranges of one series' parts become the ranges one check each covers.</summary>
public static class QualityRanges
{
    /// <summary>
    /// Overlapping ranges, and ranges nearer each other than the check's look-back, are joined: the check reads that
    /// look-back anyway. Ranges further apart stay apart, so a correction years back does not make a check read every
    /// bar in between.
    /// </summary>
    public static List<(DateTime From, DateTime To)> Join(IEnumerable<(DateTime From, DateTime To)> ranges, string interval, int lookbackBars)
    {
        var reach = BarIntervals.Length(interval) * lookbackBars;
        var joined = new List<(DateTime From, DateTime To)>();
        foreach (var (from, to) in ranges.OrderBy(r => r.From))
        {
            if (joined.Count > 0 && from <= joined[^1].To + reach)
                joined[^1] = (joined[^1].From, to > joined[^1].To ? to : joined[^1].To);
            else
                joined.Add((from, to));
        }
        return joined;
    }
}
