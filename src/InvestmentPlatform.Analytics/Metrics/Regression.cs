namespace InvestmentPlatform.Analytics.Metrics;

/// <summary>CAPM beta and Jensen's alpha against a benchmark, on returns aligned on common dates.</summary>
public static class Regression
{
    /// <summary>Cov(r_a, r_b) / Var(r_b), both sample.</summary>
    public static double Beta(ReadOnlySpan<double> asset, ReadOnlySpan<double> benchmark) =>
        Statistics.SampleCovariance(asset, benchmark) / Statistics.SampleVariance(benchmark);

    /// <summary>
    /// Annualised arithmetically: (mean(r_a) - rf - beta (mean(r_b) - rf)) * periodsPerYear, rf per period.
    /// </summary>
    public static double Alpha(ReadOnlySpan<double> asset, ReadOnlySpan<double> benchmark, double annualRiskFree, double periodsPerYear)
    {
        var rf = ReturnMetrics.PeriodRate(annualRiskFree, periodsPerYear);
        var beta = Beta(asset, benchmark);
        return (Statistics.Mean(asset) - rf - beta * (Statistics.Mean(benchmark) - rf)) * periodsPerYear;
    }
}
