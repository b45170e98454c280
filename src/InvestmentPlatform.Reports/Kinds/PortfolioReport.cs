using InvestmentPlatform.Analytics;
using InvestmentPlatform.Analytics.Metrics;
using InvestmentPlatform.Analytics.Portfolio;
using InvestmentPlatform.Data;
using InvestmentPlatform.Reports.Documents;

namespace InvestmentPlatform.Reports.Kinds;

/// <summary>
/// The portfolio report: holdings, TWR and MWR for the period, the year to date and since inception, monthly returns,
/// the equity curve and drawdown, the risk table and the period's transactions. Every figure is what the analytics
/// services answer (the same numbers as GET /api/analytics/portfolio/{id} and /api/portfolios/{id}/holdings); the
/// volatility, Sharpe, Sortino and drawdown of the daily TWR returns use the analytics' own metric functions with the
/// portfolio's conventions (252 periods a year, risk-free 0).
/// </summary>
public sealed class PortfolioReport(
    PlatformDbContext db, PortfolioService portfolios, HoldingsService holdings, PortfolioAnalyticsService analytics,
    TransactionService transactions, TimeProvider clock)
{
    public const double Confidence = 0.95;
    public const double PeriodsPerYear = 252;

    public async Task<ReportDocument> BuildAsync(Guid portfolioId, DateTime? from, DateTime? to, string? benchmark, CancellationToken ct)
    {
        var portfolio = await portfolios.GetAsync(portfolioId, ct);
        var end = (to ?? clock.GetUtcNow().UtcDateTime).Date;
        var period = await analytics.ComputeAsync(portfolioId, from, end, benchmark, Confidence, ct);
        var ytd = await OptionalAsync(() => analytics.ComputeAsync(portfolioId, new DateTime(end.Year, 1, 1, 0, 0, 0, DateTimeKind.Utc), end, benchmark, Confidence, ct));
        var inception = from is null ? period : await OptionalAsync(() => analytics.ComputeAsync(portfolioId, null, end, benchmark, Confidence, ct));
        var held = await holdings.GetAsync(portfolioId, end, ct);
        var (sources, synthetic) = await ReportSources.OfPortfolioAsync(db, portfolioId, ct);

        var daily = PortfolioReturns.FromPoints(period.Value);
        var r = daily.Select(d => d.Return).ToArray();
        var wealth = Drawdown.WealthCurve(r);
        var times = period.Value.Select(p => p.Time).ToList();

        var returns = new ReportTable("Returns",
            [new("Window", CellKind.Text), new("TWR", CellKind.Percent), new("TWR annualised", CellKind.Percent),
             new("MWR (IRR)", CellKind.Percent), new("MWR annualised", CellKind.Percent)],
            new[] { ("Period", period), ("Year to date", ytd), ("Since inception", inception) }
                .Where(w => w.Item2 is not null)
                .Select(w => new object?[]
                {
                    w.Item1, w.Item2!.TimeWeightedReturn.Value, w.Item2.TimeWeightedReturn.Annualized,
                    w.Item2.MoneyWeightedReturn.Value, w.Item2.MoneyWeightedReturn.Annualized,
                }).ToList());

        var holdingsTable = new ReportTable("Holdings",
            [new("Symbol", CellKind.Text), new("Quantity", CellKind.Number), new("Average cost", CellKind.Number), new("Price", CellKind.Number),
             new("Currency", CellKind.Text), new($"Value ({held.BaseCurrency})", CellKind.Number), new("Unrealised P&L", CellKind.Number),
             new("Realised P&L", CellKind.Number), new("Income", CellKind.Number), new("Weight", CellKind.Percent)],
            held.Holdings.Select(h => new object?[]
            {
                h.Symbol, h.Quantity, h.AverageCost, h.Price, h.Currency, h.MarketValueBase, h.UnrealizedPnl, h.RealizedPnl, h.Income, h.Weight,
            }).Append(["Cash", null, null, null, held.BaseCurrency, held.Cash, null, null, null, held.TotalValue > 0 ? held.Cash / held.TotalValue : null])
            .Append(["Total", null, null, null, held.BaseCurrency, held.TotalValue, null, null, null, null]).ToList());

        var monthly = new ReportTable("Monthly returns", [new("Month", CellKind.Date), new("TWR", CellKind.Percent)],
            PortfolioReturns.Monthly(daily).Select(m => new object?[] { new DateTime(m.Year, m.Month, 1, 0, 0, 0, DateTimeKind.Utc), m.Return }).ToList());

        var risk = period.Risk;
        var enough = r.Length >= 2;
        var maximum = Drawdown.Maximum(wealth);
        var riskTable = new ReportTable("Risk",
            [new("Volatility", CellKind.Percent), new("Sharpe", CellKind.Number), new("Sortino", CellKind.Number),
             new("Max drawdown", CellKind.Percent), new($"Beta ({period.Benchmark ?? "none"})", CellKind.Number), new("Alpha", CellKind.Percent),
             new("VaR 95%", CellKind.Percent), new("CVaR 95%", CellKind.Percent)],
            [[
                enough ? Finite(ReturnMetrics.AnnualizedVolatility(r, PeriodsPerYear)) : null,
                enough ? Finite(ReturnMetrics.Sharpe(r, 0, PeriodsPerYear)) : null,
                enough ? Finite(ReturnMetrics.Sortino(r, 0, PeriodsPerYear)) : null,
                maximum.Depth, risk?.Beta, risk?.Alpha, risk?.HistoricalVaR, risk?.HistoricalCVaR,
            ]]);

        var txRows = new List<object?[]>();
        await foreach (var t in transactions.StreamAsync(portfolioId, from, end.AddDays(1).AddTicks(-1)).WithCancellation(ct))
            txRows.Add([t.Time, t.Type, t.Symbol, t.Quantity, t.Price, t.Amount, t.Fee, t.Currency, t.Note]);
        var txTable = new ReportTable("Transactions",
            [new("Time", CellKind.Date), new("Type", CellKind.Text), new("Symbol", CellKind.Text), new("Quantity", CellKind.Number),
             new("Price", CellKind.Number), new("Amount", CellKind.Number), new("Fee", CellKind.Number), new("Currency", CellKind.Text),
             new("Note", CellKind.Text)], txRows);

        var equity = new List<ChartLine> { new("Portfolio", times, period.Value.Select(p => p.Value).ToList()) };
        var withBenchmark = period.Value.Where(p => p.Benchmark is not null).ToList();
        if (withBenchmark.Count > 1)
            equity.Add(new ChartLine($"Benchmark {period.Benchmark}", withBenchmark.Select(p => p.Time).ToList(), withBenchmark.Select(p => p.Benchmark!.Value).ToList()));
        var underwater = Drawdown.Underwater(wealth);
        var drawdownTimes = new[] { times[0] }.Concat(daily.Select(d => d.Time)).ToList();

        return new ReportDocument("Portfolio report", $"{portfolio.Name} ({portfolio.BaseCurrency})", from?.Date ?? period.Value[0].Time, end,
            clock.GetUtcNow().UtcDateTime, sources, synthetic,
            [
                new ReportChart("Equity curve", $"Value ({portfolio.BaseCurrency})", false, equity),
                new ReportChart("Drawdown", "Drawdown", true, [new ChartLine("Drawdown", drawdownTimes, underwater)]),
            ],
            [returns, holdingsTable, riskTable, monthly, txTable]);
    }

    /// <summary>A window that cannot be valued (no prices in it) is left out rather than failing the report.</summary>
    private static async Task<PortfolioAnalyticsReport?> OptionalAsync(Func<Task<PortfolioAnalyticsReport>> compute)
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

    private static double? Finite(double v) => double.IsFinite(v) ? v : null;
}
