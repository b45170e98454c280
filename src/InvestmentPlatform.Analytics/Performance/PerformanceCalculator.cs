using InvestmentPlatform.Analytics.Metrics;
using InvestmentPlatform.Analytics.Series;

namespace InvestmentPlatform.Analytics.Performance;

/// <summary>The performance set of one price series; pure, no I/O.</summary>
public static class PerformanceCalculator
{
    public static AnalyticsConventions Conventions(double riskFree, string riskFreeSource) => new(
        Returns: "simple periodic returns P_i / P_(i-1) - 1 from adjusted close (close when no adjusted close; close for currency pairs)",
        Annualization: "daily: 252 periods a year for exchange-traded assets, 365 for crypto; weekly (interval 1wk, the last daily price of each week) 52; monthly (1mo) 12; unless periodsPerYear is given; annualised return (1 + total)^(periodsPerYear / n) - 1",
        Volatility: "sample standard deviation (n - 1) times sqrt(periodsPerYear)",
        RiskFree: $"annual rate {riskFreeSource}, per period (1 + rate)^(1 / periodsPerYear) - 1",
        RiskFreeRate: riskFree,
        Sortino: "(mean(r) - T) / DD * sqrt(periodsPerYear), T the per-period required return (the risk-free rate), DD = sqrt(sum(min(0, r_i - T)^2) / n) over all n periods",
        Drawdown: "on the compounded wealth curve W_0 = 1, W_i = prod(1 + r_j); depth W_trough / W_peak - 1",
        MissingPrices: "never filled: each asset uses its own dates; comparisons use the dates common to all the series");

    /// <summary>
    /// Throws <see cref="AnalyticsException"/> (422) when the window has fewer than two prices. With a
    /// <paramref name="benchmark"/> the answer has rolling beta against it; without one, none.
    /// </summary>
    public static AssetPerformance Compute(PriceSeries series, double periodsPerYear, double riskFree, int rollingWindow, PriceSeries? benchmark = null)
    {
        EnsureTwoPrices(series);
        var returns = Returns.Simple(series.Prices);
        var r = returns.Values;
        var wealth = Drawdown.WealthCurve(r);
        var max = Drawdown.Maximum(wealth);
        var underwater = Drawdown.Underwater(wealth);
        var annualized = ReturnMetrics.AnnualizedReturn(r, periodsPerYear);
        var (best, worst) = ReturnMetrics.Extremes(r);
        var times = series.Prices.Times; // the wealth curve's index i is price i's time

        return new AssetPerformance(
            series.Symbol,
            periodsPerYear,
            series.Prices.Count,
            times[0],
            times[^1],
            Finite.OrNull(ReturnMetrics.TotalReturn(r)),
            Finite.OrNull(annualized),
            Finite.OrNull(ReturnMetrics.AnnualizedVolatility(r, periodsPerYear)),
            Finite.OrNull(ReturnMetrics.Sharpe(r, riskFree, periodsPerYear)),
            Finite.OrNull(ReturnMetrics.Sortino(r, riskFree, periodsPerYear)),
            new MaxDrawdownDto(max.Depth, At(times, max.Peak), At(times, max.Trough), At(times, max.Recovery)),
            Drawdown.Calmar(annualized, max.Depth) is { } c ? Finite.OrNull(c) : null,
            new PeriodReturn(returns.Times[best], r[best]),
            new PeriodReturn(returns.Times[worst], r[worst]),
            underwater.Select((d, i) => new DrawdownPoint(times[i], d)).ToList(),
            RollingWindow.Compute(r, rollingWindow, riskFree, periodsPerYear)
                .Select(p => new RollingPointDto(returns.Times[p.End], Finite.OrNull(p.Return), Finite.OrNull(p.Volatility), Finite.OrNull(p.Sharpe)))
                .ToList(),
            wealth.Select((w, i) => new CumulativePoint(times[i], w - 1)).ToList(),
            benchmark is null ? null : RollingBeta(series.Prices, benchmark.Prices, rollingWindow));
    }

    /// <summary>Beta over each window of <paramref name="window"/> returns, sliding by one, on the dates the two series share.</summary>
    private static List<RollingBetaPoint> RollingBeta(TimeSeries prices, TimeSeries benchmarkPrices, int window)
    {
        var aligned = Returns.AlignOnCommonTimes([prices, benchmarkPrices]);
        var a = Returns.Simple(aligned[0]);
        var b = Returns.Simple(aligned[1]).Values;
        var points = new List<RollingBetaPoint>(Math.Max(0, a.Values.Length - window + 1));
        for (var end = window - 1; end < a.Values.Length; end++)
        {
            var first = end - window + 1;
            points.Add(new RollingBetaPoint(a.Times[end], Finite.OrNull(Regression.Beta(a.Values.AsSpan(first, window), b.AsSpan(first, window)))));
        }
        return points;
    }

    public static void EnsureTwoPrices(PriceSeries series)
    {
        if (series.Prices.Count == 0)
            throw AnalyticsException.Unprocessable("from", $"'{series.Symbol}' has no prices in the window: analytics reads daily (1d) bars, so collect the symbol at interval 1d.");
        if (series.Prices.Count < 2)
            throw AnalyticsException.Unprocessable("from", $"'{series.Symbol}' has fewer than two prices in the window: no return can be computed.");
    }

    private static DateTime? At(DateTime[] times, int? index) => index is { } i ? times[i] : null;
}
