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
        for (var end = window - 1; end < r.Length; end++)
        {
            var slice = r.AsSpan(end - window + 1, window);
            points.Add(new RollingPoint(end,
                ReturnMetrics.TotalReturn(slice),
                ReturnMetrics.AnnualizedVolatility(slice, periodsPerYear),
                ReturnMetrics.Sharpe(slice, annualRiskFree, periodsPerYear)));
        }
        return points;
    }
}
