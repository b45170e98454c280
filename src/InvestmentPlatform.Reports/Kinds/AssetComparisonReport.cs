using InvestmentPlatform.Analytics;
using InvestmentPlatform.Analytics.Series;
using InvestmentPlatform.Data;
using InvestmentPlatform.Reports.Documents;

namespace InvestmentPlatform.Reports.Kinds;

/// <summary>
/// The asset comparison: returns over 1M, 3M, YTD, 1Y and 3Y (annualised) ending at the report's end, annualised
/// volatility, Sharpe and maximum drawdown over the period, the correlation matrix and a chart of prices normalised to
/// 100. Every figure is GET /api/analytics/performance or /risk for the same window, unchanged.
/// </summary>
public sealed class AssetComparisonReport(PlatformDbContext db, AnalyticsService analytics, SeriesReader reader, TimeProvider clock)
{
    public const int MaxSymbols = 20;

    private static readonly (string Name, Func<DateTime, DateTime> Start, bool Annualised)[] Windows =
    [
        ("1M", end => end.AddMonths(-1), false),
        ("3M", end => end.AddMonths(-3), false),
        ("YTD", end => new DateTime(end.Year, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(-1), false),
        ("1Y", end => end.AddYears(-1), false),
        ("3Y (annualised)", end => end.AddYears(-3), true),
    ];

    public async Task<ReportDocument> BuildAsync(IReadOnlyList<string> symbols, DateTime? from, DateTime? to, double? riskFree, CancellationToken ct)
    {
        var wanted = symbols.Select(s => s.Trim()).Where(s => s.Length > 0).Distinct().ToList();
        if (wanted.Count > MaxSymbols)
            throw AnalyticsException.Invalid("symbols", $"At most {MaxSymbols} symbols per comparison.");
        var end = (to ?? clock.GetUtcNow().UtcDateTime).Date;
        var parameters = new AnalyticsParameters(wanted, from, end, RiskFree: riskFree);
        var period = await analytics.PerformanceAsync(parameters, ct);
        var (sources, synthetic) = await ReportSources.OfSymbolsAsync(db, wanted, ct);

        var windowRows = new List<object?[]>();
        foreach (var symbol in wanted)
        {
            var row = new List<object?> { symbol };
            foreach (var window in Windows)
            {
                var performance = await OptionalAsync(() => analytics.PerformanceAsync(
                    parameters with { Symbols = [symbol], From = window.Start(end) }, ct));
                var asset = performance?.Assets[0];
                row.Add(window.Annualised ? asset?.AnnualizedReturn : asset?.TotalReturn);
            }
            windowRows.Add([.. row]);
        }
        var returns = new ReportTable("Returns",
            [new("Symbol", CellKind.Text), .. Windows.Select(w => new ReportColumn(w.Name, CellKind.Percent))], windowRows);

        var metrics = new ReportTable("Risk and return",
            [new("Symbol", CellKind.Text), new("From", CellKind.Date), new("To", CellKind.Date), new("Total return", CellKind.Percent),
             new("Annualised return", CellKind.Percent), new("Volatility", CellKind.Percent), new("Sharpe", CellKind.Number),
             new("Max drawdown", CellKind.Percent)],
            period.Assets.Select(a => new object?[]
            {
                a.Symbol, a.From, a.To, a.TotalReturn, a.AnnualizedReturn, a.AnnualizedVolatility, a.Sharpe, a.MaxDrawdown.Depth,
            }).ToList());

        var tables = new List<ReportTable> { returns, metrics };
        if (await OptionalAsync(() => analytics.RiskAsync(parameters, ct)) is { } risk)
            tables.Add(new ReportTable($"Correlation ({risk.Correlation.Observations} common returns)",
                [new("Symbol", CellKind.Text), .. risk.Correlation.Symbols.Select(s => new ReportColumn(s, CellKind.Number))],
                risk.Correlation.Symbols.Select((s, i) => new object?[] { s }.Concat(risk.Correlation.Matrix[i].Cast<object?>()).ToArray()).ToList()));

        var prices = await reader.LoadPricesAsync(wanted, from, end, ct);
        var chart = new ReportChart("Prices normalised to 100 at the first price", "Index", false,
            prices.Where(p => p.Prices.Count > 0).Select(p => new ChartLine(p.Symbol, p.Prices.Times,
                p.Prices.Values.Select(v => v / p.Prices.Values[0] * 100).ToList())).ToList());

        return new ReportDocument("Asset comparison", string.Join(", ", wanted), from?.Date ?? period.Assets.Min(a => a.From), end,
            clock.GetUtcNow().UtcDateTime, sources, synthetic, [chart], tables);
    }

    private static async Task<T?> OptionalAsync<T>(Func<Task<T>> compute) where T : class
    {
        try
        {
            return await compute();
        }
        catch (AnalyticsException ex) when (ex.Kind == AnalyticsErrorKind.Unprocessable)
        {
            return null;
        }
    }
}
