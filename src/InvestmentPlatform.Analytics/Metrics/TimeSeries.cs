namespace InvestmentPlatform.Analytics.Metrics;

/// <summary>Values at ascending, distinct UTC times (prices, wealth or returns).</summary>
public sealed record TimeSeries(DateTime[] Times, double[] Values)
{
    public int Count => Values.Length;

    public static TimeSeries From(IEnumerable<(DateTime Time, double Value)> points)
    {
        var list = points.OrderBy(p => p.Time).ToList();
        return new TimeSeries(list.Select(p => p.Time).ToArray(), list.Select(p => p.Value).ToArray());
    }
}
