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

    /// <summary>
    /// Splits chained daily returns r_t into local returns l_t (prices moved, rates held at the day before's) and
    /// currency returns c_t = (1 + r_t) / (1 + l_t) - 1, so that (1 + r_t) = (1 + l_t)(1 + c_t) every day and the chained
    /// totals compound the same way: 1 + TWR = (1 + local)(1 + currency).
    /// </summary>
    /// <returns>The chained local and currency returns, null without any day.</returns>
    public static (double? Local, double? Currency) SplitCurrency(IReadOnlyList<double> total, IReadOnlyList<double> local)
    {
        if (total.Count == 0)
            return (null, null);
        double l = 1, c = 1;
        for (var i = 0; i < total.Count; i++)
        {
            l *= 1 + local[i];
            c *= (1 + total[i]) / (1 + local[i]);
        }
        return (l - 1, c - 1);
    }

    /// <summary>Each calendar month's compounded TWR (prod(1 + r_t) - 1 over its days), oldest first.</summary>
    public static IReadOnlyList<(int Year, int Month, double Return)> Monthly(IReadOnlyList<(DateTime Time, double Return)> daily) =>
        daily.GroupBy(r => (r.Time.Year, r.Time.Month))
            .Select(g => (g.Key.Year, g.Key.Month, ReturnMetrics.TotalReturn(g.Select(r => r.Return).ToArray())))
            .ToList();
}
