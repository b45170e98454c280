using InvestmentPlatform.Analytics.Currencies;
using InvestmentPlatform.Analytics.Performance;
using InvestmentPlatform.Analytics.Risk;
using InvestmentPlatform.Analytics.Series;

namespace InvestmentPlatform.Analytics;

/// <summary>Reads the series a request names and runs the performance or risk set on them.</summary>
public sealed class AnalyticsService(SeriesReader reader, CurrencyConverter currencies)
{
    public async Task<PerformanceReport> PerformanceAsync(AnalyticsParameters parameters, CancellationToken ct, Action<int, int>? progress = null)
    {
        var p = Prepare(parameters);
        var (riskFree, source) = await RiskFreeAsync(p, ct);
        var (series, benchmark) = await LoadAsync(p, ct);
        var assets = new List<AssetPerformance>(series.Count);
        foreach (var s in series)
        {
            assets.Add(PerformanceCalculator.Compute(s, p.PeriodsPerYearFor(s.AssetType), riskFree, p.RollingWindow, benchmark));
            progress?.Invoke(assets.Count, series.Count);
        }
        return new PerformanceReport(
            PerformanceCalculator.Conventions(riskFree, source),
            benchmark is null ? null : PerformanceCalculator.Compute(benchmark, p.PeriodsPerYearFor(benchmark.AssetType), riskFree, p.RollingWindow),
            assets);
    }

    public async Task<RiskReport> RiskAsync(AnalyticsParameters parameters, CancellationToken ct, Action<int, int>? progress = null)
    {
        var p = Prepare(parameters);
        var (riskFree, _) = await RiskFreeAsync(p, ct);
        var (series, benchmark) = await LoadAsync(p, ct);
        var report = RiskCalculator.Compute(series, benchmark, p.Confidence, riskFree, s => p.PeriodsPerYearFor(s.AssetType));
        progress?.Invoke(series.Count, series.Count);
        return report;
    }

    /// <summary>
    /// The assets' and the benchmark's prices, in <c>currency</c> when one is asked, at the asked interval. Daily prices
    /// are converted first, each at its own day's rate, then a week or month takes its last one.
    /// </summary>
    private async Task<(List<PriceSeries> Series, PriceSeries? Benchmark)> LoadAsync(AnalyticsParameters p, CancellationToken ct)
    {
        var series = await reader.LoadPricesAsync(p.Symbols, p.From, p.To, ct);
        var benchmark = p.Benchmark is null ? null : (await reader.LoadPricesAsync([p.Benchmark], p.From, p.To, ct))[0];
        if (CurrencyConverter.ParseTarget(p.Currency) is { } target)
        {
            for (var i = 0; i < series.Count; i++)
                series[i] = await currencies.ConvertAsync(series[i], target, ct);
            benchmark = benchmark is null ? null : await currencies.ConvertAsync(benchmark, target, ct);
        }
        PriceSeries AtInterval(PriceSeries s) => s with { Prices = PeriodPrices.Of(s.Prices, p.IntervalOrDaily) };
        return (series.Select(AtInterval).ToList(), benchmark is null ? null : AtInterval(benchmark));
    }

    /// <summary>Keeps the caller's symbol order (the answer lists assets as asked) while validating.</summary>
    private static AnalyticsParameters Prepare(AnalyticsParameters parameters)
    {
        var normalized = parameters.Normalize();
        normalized.Validate();
        return normalized with
        {
            Symbols = parameters.Symbols.Select(s => s.Trim()).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).ToList(),
        };
    }

    private async Task<(double Rate, string Source)> RiskFreeAsync(AnalyticsParameters p, CancellationToken ct) =>
        p.RiskFreeSeries is { } series
            ? (await reader.AverageRateAsync(series, p.From, p.To, ct), $"from the mean of {series} over the window (percent / 100)")
            : (p.RiskFree ?? 0, p.RiskFree is null ? "0 (riskFree not given)" : "as given (riskFree)");
}
