using InvestmentPlatform.Analytics.Metrics;
using InvestmentPlatform.Analytics.Performance;
using InvestmentPlatform.Analytics.Series;

namespace InvestmentPlatform.Analytics.Risk;

/// <summary>The risk set of several price series; pure, no I/O.</summary>
public static class RiskCalculator
{
    public static RiskReport Compute(
        IReadOnlyList<PriceSeries> series, PriceSeries? benchmark, double confidence, double riskFree,
        Func<PriceSeries, double> periodsPerYear)
    {
        foreach (var s in series)
            PerformanceCalculator.EnsureTwoPrices(s);
        if (benchmark is not null)
            PerformanceCalculator.EnsureTwoPrices(benchmark);

        var assets = series.Select(s => ForAsset(s.Symbol, s.Prices, benchmark?.Prices,
            confidence, riskFree, periodsPerYear(s))).ToList();

        var aligned = Returns.AlignOnCommonTimes(series.Select(s => s.Prices).ToList());
        if (aligned[0].Count < 2)
            throw AnalyticsException.Unprocessable("symbols", "The symbols have fewer than two dates in common in the window.");
        var returns = aligned.Select(a => Returns.Simple(a).Values).ToList();
        var symbols = series.Select(s => s.Symbol).ToList();
        var covariance = Matrices.Covariance(returns);
        return new RiskReport(confidence, benchmark?.Symbol, assets,
            new MatrixDto(symbols, returns[0].Length, Nullable(Matrices.CorrelationFromCovariance(covariance))),
            new MatrixDto(symbols, returns[0].Length, Nullable(covariance)));
    }

    /// <summary>
    /// VaR and CVaR on the asset's own returns; beta and alpha on returns of the prices aligned on the dates the asset
    /// shares with the benchmark.
    /// </summary>
    public static AssetRisk ForAsset(string symbol, TimeSeries prices, TimeSeries? benchmarkPrices, double confidence, double riskFree, double periodsPerYear)
    {
        var r = Returns.Simple(prices).Values;
        double? beta = null, alpha = null;
        if (benchmarkPrices is not null)
        {
            var aligned = Returns.AlignOnCommonTimes([prices, benchmarkPrices]);
            var a = Returns.Simple(aligned[0]).Values;
            var b = Returns.Simple(aligned[1]).Values;
            if (a.Length >= 2)
            {
                beta = Finite.OrNull(Regression.Beta(a, b));
                alpha = Finite.OrNull(Regression.Alpha(a, b, riskFree, periodsPerYear));
            }
        }
        return new AssetRisk(symbol, prices.Count,
            Finite.OrNull(ValueAtRisk.Historical(r, confidence)),
            Finite.OrNull(ValueAtRisk.HistoricalConditional(r, confidence)),
            Finite.OrNull(ValueAtRisk.Parametric(r, confidence)),
            Finite.OrNull(ValueAtRisk.ParametricConditional(r, confidence)),
            beta, alpha);
    }

    private static double?[][] Nullable(double[][] m) => m.Select(row => row.Select(Finite.OrNull).ToArray()).ToArray();
}
