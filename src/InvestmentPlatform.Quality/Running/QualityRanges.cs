using InvestmentPlatform.Contracts.Ingestion;

namespace InvestmentPlatform.Quality.Running;

/// <summary>How the changed ranges of one series' parts become the ranges one check each covers.</summary>
public static class QualityRanges
{
    /// <summary>The most bars, nominally, one check reads at once: a batch of a long load is checked slice by slice.</summary>
    public const int MaxBarsPerCheck = 100_000;

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

    /// <summary>
    /// Ranges longer than <paramref name="maxBars"/> bars of <paramref name="interval"/> cut into consecutive slices,
    /// so a check's memory stays bounded however many parts its batch joined.
    /// </summary>
    public static List<(DateTime From, DateTime To)> Slice(IEnumerable<(DateTime From, DateTime To)> ranges, string interval, int maxBars = MaxBarsPerCheck)
    {
        var step = BarIntervals.Length(interval) * maxBars;
        var slices = new List<(DateTime From, DateTime To)>();
        foreach (var (from, to) in ranges)
        {
            for (var start = from; ; start += step)
            {
                if (to - start <= step)
                {
                    slices.Add((start, to));
                    break;
                }
                // Each slice ends where the next begins: a bar on the seam is checked twice, which changes nothing.
                slices.Add((start, start + step));
            }
        }
        return slices;
    }
}
