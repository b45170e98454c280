using InvestmentPlatform.Analytics.Metrics;

namespace InvestmentPlatform.Analytics.Portfolio;

/// <summary>
/// The portfolio's daily time-weighted returns, one formula shared by the analytics answer and the reports built on it:
/// r_t = (V_t - F_t) / V_(t-1) - 1, flows arriving at the end of their day; a day after a worthless one has no return.
/// </summary>
public static class PortfolioReturns
{
    public static double? Daily(double previousValue, double value, double flow) =>
        previousValue > Ledger.Epsilon ? (value - flow) / previousValue - 1 : null;

    /// <summary>The daily returns behind a report's value points, dated at their day.</summary>
    public static IReadOnlyList<(DateTime Time, double Return)> FromPoints(IReadOnlyList<PortfolioValuePoint> points)
    {
        var returns = new List<(DateTime, double)>();
        for (var i = 1; i < points.Count; i++)
            if (Daily(points[i - 1].Value, points[i].Value, points[i].Flow) is { } r)
                returns.Add((points[i].Time, r));
        return returns;
    }

    /// <summary>Each calendar month's compounded TWR (prod(1 + r_t) - 1 over its days), oldest first.</summary>
    public static IReadOnlyList<(int Year, int Month, double Return)> Monthly(IReadOnlyList<(DateTime Time, double Return)> daily) =>
        daily.GroupBy(r => (r.Time.Year, r.Time.Month))
            .Select(g => (g.Key.Year, g.Key.Month, ReturnMetrics.TotalReturn(g.Select(r => r.Return).ToArray())))
            .ToList();
}
