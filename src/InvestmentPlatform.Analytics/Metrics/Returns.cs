namespace InvestmentPlatform.Analytics.Metrics;

public static class Returns
{
    /// <summary>Simple periodic returns r_i = P_i / P_(i-1) - 1, each dated at the end of its period.</summary>
    public static TimeSeries Simple(TimeSeries prices)
    {
        if (prices.Count < 2)
            return new TimeSeries([], []);
        var times = new DateTime[prices.Count - 1];
        var values = new double[prices.Count - 1];
        for (var i = 1; i < prices.Count; i++)
        {
            times[i - 1] = prices.Times[i];
            values[i - 1] = prices.Values[i] / prices.Values[i - 1] - 1;
        }
        return new TimeSeries(times, values);
    }

    /// <summary>
    /// Keeps only the times every series has, so no missing price is ever filled (with zeros or otherwise).
    /// </summary>
    public static IReadOnlyList<TimeSeries> AlignOnCommonTimes(IReadOnlyList<TimeSeries> series)
    {
        if (series.Count == 0)
            return [];
        var common = new HashSet<DateTime>(series[0].Times);
        foreach (var s in series.Skip(1))
            common.IntersectWith(s.Times);
        return series.Select(s =>
        {
            var keep = Enumerable.Range(0, s.Count).Where(i => common.Contains(s.Times[i])).ToArray();
            return new TimeSeries(keep.Select(i => s.Times[i]).ToArray(), keep.Select(i => s.Values[i]).ToArray());
        }).ToList();
    }
}
