using System.Diagnostics;
using System.Text.Json;
using InvestmentPlatform.Analytics;
using InvestmentPlatform.Analytics.Compute;
using InvestmentPlatform.Analytics.Metrics;
using InvestmentPlatform.Analytics.Performance;
using InvestmentPlatform.Analytics.Risk;
using InvestmentPlatform.Analytics.Series;

// The full performance and risk set for 500 assets x 10 years of daily bars (2,520 each), as
// GET /api/analytics/performance and /risk compute them once the prices are read.
// Usage: dotnet run -c Release --project bench/InvestmentPlatform.Analytics.Bench [assets] [years] [rounds]
var assets = args.Length > 0 ? int.Parse(args[0]) : 500;
var years = args.Length > 1 ? int.Parse(args[1]) : 10;
var rounds = args.Length > 2 ? int.Parse(args[2]) : 3;
var bars = years * 252;

var random = new Random(42);
var start = new DateTime(2015, 1, 1, 0, 0, 0, DateTimeKind.Utc);
var times = Enumerable.Range(0, bars).Select(i => start.AddDays(i)).ToArray();
PriceSeries Walk(string symbol)
{
    var prices = new double[bars];
    var p = 100.0;
    for (var i = 0; i < bars; i++)
        prices[i] = p *= Math.Exp(0.0003 + 0.015 * Gaussian(random));
    return new PriceSeries(symbol, "stock", "USD", new TimeSeries(times, prices));
}
var series = Enumerable.Range(0, assets).Select(i => Walk($"S{i:D3}")).ToList();
var benchmark = Walk("BENCH");
var parameters = new AnalyticsParameters(series.Select(s => s.Symbol).ToList(), null, null, "BENCH", RiskFree: 0.02);

Console.WriteLine($"Analytics benchmark: {assets} assets x {bars} daily bars ({years} years), rolling window {parameters.RollingWindow}, {Environment.ProcessorCount} cores");
var timings = new List<(double Performance, double Risk, double Json)>();
for (var round = 0; round <= rounds; round++)
{
    var sw = Stopwatch.StartNew();
    var performance = new PerformanceReport(
        PerformanceCalculator.Conventions(0.02, "as given"),
        PerformanceCalculator.Compute(benchmark, 252, 0.02, parameters.RollingWindow),
        series.Select(s => PerformanceCalculator.Compute(s, 252, 0.02, parameters.RollingWindow)).ToList());
    var perfMs = sw.Elapsed.TotalMilliseconds;

    sw.Restart();
    var risk = RiskCalculator.Compute(series, benchmark, 0.95, 0.02, _ => 252);
    var riskMs = sw.Elapsed.TotalMilliseconds;

    sw.Restart();
    var bytes = JsonSerializer.SerializeToUtf8Bytes(performance, AnalyticsJson.Options).Length
                + JsonSerializer.SerializeToUtf8Bytes(risk, AnalyticsJson.Options).Length;
    var jsonMs = sw.Elapsed.TotalMilliseconds;

    var label = round == 0 ? "warm-up" : $"round {round}";
    Console.WriteLine($"{label,-8}  performance {perfMs,8:F0} ms   risk (VaR, CVaR, beta, alpha, {assets}x{assets} matrices) {riskMs,8:F0} ms   JSON {jsonMs,6:F0} ms ({bytes / 1e6:F1} MB)");
    if (round > 0)
        timings.Add((perfMs, riskMs, jsonMs));
}
var best = timings.MinBy(t => t.Performance + t.Risk);
Console.WriteLine($"best: full performance + risk set {best.Performance + best.Risk:F0} ms ({(best.Performance + best.Risk) / assets:F2} ms per asset), with JSON {best.Performance + best.Risk + best.Json:F0} ms");

static double Gaussian(Random r) => Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());
