namespace InvestmentPlatform.Analytics.Metrics;

/// <summary>Metrics of a series of simple periodic returns; <c>periodsPerYear</c> annualises.</summary>
public static class ReturnMetrics
{
    /// <summary>Compounded: prod(1 + r_i) - 1.</summary>
    public static double TotalReturn(ReadOnlySpan<double> r)
    {
        var wealth = 1.0;
        foreach (var v in r)
            wealth *= 1 + v;
        return wealth - 1;
    }

    /// <summary>Geometric: (1 + total)^(periodsPerYear / n) - 1, n the number of returns.</summary>
    public static double AnnualizedReturn(ReadOnlySpan<double> r, double periodsPerYear) =>
        Math.Pow(1 + TotalReturn(r), periodsPerYear / r.Length) - 1;

    /// <summary>Sample standard deviation (n - 1) times sqrt(periodsPerYear).</summary>
    public static double AnnualizedVolatility(ReadOnlySpan<double> r, double periodsPerYear) =>
        Statistics.SampleStdDev(r) * Math.Sqrt(periodsPerYear);

    /// <summary>The annual rate compounded down to one period: (1 + annual)^(1 / periodsPerYear) - 1.</summary>
    public static double PeriodRate(double annualRate, double periodsPerYear) =>
        Math.Pow(1 + annualRate, 1 / periodsPerYear) - 1;

    /// <summary>(mean(r) - rf) / sd(r) * sqrt(periodsPerYear), rf the per-period risk-free rate, sd sample (n - 1).</summary>
    public static double Sharpe(ReadOnlySpan<double> r, double annualRiskFree, double periodsPerYear) =>
        (Statistics.Mean(r) - PeriodRate(annualRiskFree, periodsPerYear)) / Statistics.SampleStdDev(r) * Math.Sqrt(periodsPerYear);

    /// <summary>
    /// (mean(r) - T) / DD * sqrt(periodsPerYear), T the per-period required return and
    /// DD = sqrt(sum(min(0, r_i - T)^2) / n) over all n periods (periods above T count as zeros).
    /// </summary>
    public static double Sortino(ReadOnlySpan<double> r, double annualRequired, double periodsPerYear)
    {
        var target = PeriodRate(annualRequired, periodsPerYear);
        return (Statistics.Mean(r) - target) / DownsideDeviation(r, target) * Math.Sqrt(periodsPerYear);
    }

    /// <summary>Per-period downside deviation against <paramref name="target"/> over all periods.</summary>
    public static double DownsideDeviation(ReadOnlySpan<double> r, double target)
    {
        var sum = 0.0;
        foreach (var v in r)
        {
            var shortfall = Math.Min(0, v - target);
            sum += shortfall * shortfall;
        }
        return Math.Sqrt(sum / r.Length);
    }

    /// <summary>The best and worst single-period returns and their indexes (first on ties).</summary>
    public static (int Best, int Worst) Extremes(ReadOnlySpan<double> r)
    {
        int best = 0, worst = 0;
        for (var i = 1; i < r.Length; i++)
        {
            if (r[i] > r[best]) best = i;
            if (r[i] < r[worst]) worst = i;
        }
        return (best, worst);
    }
}
