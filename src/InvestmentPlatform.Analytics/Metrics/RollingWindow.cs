namespace InvestmentPlatform.Analytics.Metrics;

/// <param name="End">Index of the window's last return.</param>
/// <param name="Return">Compounded return over the window (not annualised).</param>
/// <param name="Volatility">Annualised sample volatility in the window.</param>
/// <param name="Sharpe">Annualised Sharpe ratio in the window.</param>
public sealed record RollingPoint(int End, double Return, double Volatility, double Sharpe);

public static class RollingWindow
{
    /// <summary>One point per window of <paramref name="window"/> consecutive returns, sliding by one.</summary>
    public static List<RollingPoint> Compute(double[] r, int window, double annualRiskFree, double periodsPerYear)
    {
        var points = new List<RollingPoint>(Math.Max(0, r.Length - window + 1));
        var rf = ReturnMetrics.PeriodRate(annualRiskFree, periodsPerYear);
        var scale = Math.Sqrt(periodsPerYear);
        for (var end = window - 1; end < r.Length; end++)
        {
            // Two passes per window (mean and growth, then squared deviations): the same figures as
            // ReturnMetrics on the slice, without running sums that drift over long series.
            var first = end - window + 1;
            double sum = 0, growth = 1;
            for (var i = first; i <= end; i++)
            {
                sum += r[i];
                growth *= 1 + r[i];
            }
            var mean = sum / window;
            double squares = 0;
            for (var i = first; i <= end; i++)
                squares += (r[i] - mean) * (r[i] - mean);
            var sd = Math.Sqrt(squares / (window - 1));
            points.Add(new RollingPoint(end, growth - 1, sd * scale, (mean - rf) / sd * scale));
        }
        return points;
    }
}
