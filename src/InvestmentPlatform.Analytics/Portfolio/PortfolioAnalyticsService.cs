using InvestmentPlatform.Analytics.Currencies;
using InvestmentPlatform.Analytics.Metrics;
using InvestmentPlatform.Analytics.Risk;
using InvestmentPlatform.Analytics.Series;
using InvestmentPlatform.Data;

namespace InvestmentPlatform.Analytics.Portfolio;

/// <summary>A portfolio's value over time, its time- and money-weighted returns, contributions and risk.</summary>
public sealed class PortfolioAnalyticsService(PlatformDbContext db, PortfolioService portfolios, SeriesReader reader, TimeProvider clock)
{
    /// <param name="riskFree">Annual risk-free rate as a decimal, used by alpha.</param>
    /// <param name="periodsPerYear">Valuation points a year, used by alpha: 252 trading days unless told otherwise.</param>
    /// <param name="currency">A major currency to value in instead of the portfolio's base currency.</param>
    public async Task<PortfolioAnalyticsReport> ComputeAsync(
        Guid portfolioId, DateTime? from, DateTime? to, string? benchmark, double confidence, CancellationToken ct,
        double riskFree = 0, double periodsPerYear = 252, string? currency = null)
    {
        var valueIn = CurrencyConverter.ParseTarget(currency);
        if (valueIn is { IsMinor: true })
            throw AnalyticsException.Invalid(CurrencyConverter.Field, $"A portfolio is valued in a major currency: use {valueIn.Major}, not {valueIn.Code}.");
        if (confidence is <= 0 or >= 1 || double.IsNaN(confidence))
            throw AnalyticsException.Invalid("confidence", "confidence must be strictly between 0 and 1, for example 0.95.");
        if (riskFree <= -1 || !double.IsFinite(riskFree))
            throw AnalyticsException.Invalid("riskFree", "riskFree is an annual rate as a decimal (0.02 for 2%) above -1.");
        if (periodsPerYear <= 0 || !double.IsFinite(periodsPerYear))
            throw AnalyticsException.Invalid("periodsPerYear", "periodsPerYear must be positive.");
        if (from is { } f0 && to is { } t0 && f0 > t0)
            throw AnalyticsException.Invalid("from", "from must not be after to.");
        var portfolio = await portfolios.FindAsync(portfolioId, ct);
        var end = (to?.ToUniversalTime() ?? clock.GetUtcNow().UtcDateTime).Date;
        var start = from?.ToUniversalTime().Date ?? DateTime.MinValue;
        benchmark = string.IsNullOrWhiteSpace(benchmark) ? portfolio.BenchmarkSymbol : benchmark.Trim();
        var benchmarkPrices = benchmark is null ? null : (await reader.LoadPricesAsync([benchmark], null, end, ct))[0].Prices;

        var baseCurrency = valueIn?.Major ?? portfolio.BaseCurrency;
        var book = await PortfolioBook.LoadAsync(db, portfolio, end, ct, baseCurrency);
        if (book.Transactions.Count == 0)
            throw AnalyticsException.Unprocessable("id", "The portfolio has no transactions yet.");
        var first = book.Transactions[0].Time.Date;
        var dates = new SortedSet<DateTime>(book.Transactions.Select(t => t.Time.Date));
        foreach (var id in book.Symbols.Keys)
            dates.UnionWith(book.Prices.PriceDates(id));
        var days = dates.Where(d => d >= first && d >= start && d <= end).ToList();

        var ledger = book.NewLedger();
        var next = 0;
        var points = new List<PortfolioValuePoint>();
        var returns = new List<(DateTime Time, double Return)>();
        var localReturns = new List<double>();
        var moneyFlows = new List<(DateTime, double)>();
        var contributions = book.Symbols.Keys.ToDictionary(id => id, _ => 0.0);
        var pendingFlow = 0.0;
        var pendingTrade = new Dictionary<long, double>();
        Valuation? previous = null;
        double? benchmarkUnits = null;

        foreach (var day in days)
        {
            while (next < book.Transactions.Count && book.Transactions[next].Time.Date <= day)
            {
                var tx = book.Transactions[next++];
                var fx = book.Prices.Fx(tx.Currency, tx.Time) ?? throw AnalyticsException.Unprocessable(valueIn is null ? "baseCurrency" : CurrencyConverter.Field,
                    $"No {tx.Currency} to {baseCurrency} rate on or before {tx.Time:yyyy-MM-dd}.");
                foreach (var (_, amount) in ledger.Apply(tx))
                    pendingFlow += amount * fx;
                if (tx.AssetId is { } assetId)
                    pendingTrade[assetId] = pendingTrade.GetValueOrDefault(assetId) + fx * tx.Type switch
                    {
                        TransactionTypes.Buy => tx.Quantity * tx.Price + tx.Fee,
                        TransactionTypes.Sell => -(tx.Quantity * tx.Price - tx.Fee),
                        TransactionTypes.Dividend => -(tx.Amount - tx.Fee),
                        _ => 0,
                    };
            }
            if (Valuer.Value(ledger, book.Prices, day) is not { } value)
                continue; // a price or rate is missing: no point, never a zero; flows carry to the next point

            if (previous is null)
                moneyFlows.Add((day, -value.Total));
            else
            {
                if (pendingFlow != 0)
                    moneyFlows.Add((day, -pendingFlow));
                if (PortfolioReturns.Daily(previous.Total, value.Total, pendingFlow) is { } daily)
                {
                    // Flows are taken to arrive at the end of the day they happen.
                    returns.Add((day, daily));
                    // Local: today's prices at the rates of the day before. A currency first held today has no rate
                    // then, so the whole day's return counts as local.
                    var held = Valuer.Value(ledger, book.Prices, day, ratesDate: points[^1].Time);
                    localReturns.Add(held is null ? daily : PortfolioReturns.Daily(previous.Total, held.Total, pendingFlow) ?? daily);
                    foreach (var id in contributions.Keys)
                    {
                        var gain = value.Holdings.GetValueOrDefault(id) - previous.Holdings.GetValueOrDefault(id) - pendingTrade.GetValueOrDefault(id);
                        contributions[id] += gain / previous.Total;
                    }
                }
            }

            double? benchmarkValue = null;
            if (benchmarkPrices is not null && PriceAt(benchmarkPrices, day) is { } b)
            {
                benchmarkUnits = benchmarkUnits is { } u ? u + pendingFlow / b : value.Total / b;
                benchmarkValue = benchmarkUnits * b;
            }
            points.Add(new PortfolioValuePoint(day, value.Total, benchmarkValue, previous is null ? 0 : pendingFlow));
            pendingFlow = 0;
            pendingTrade.Clear();
            previous = value;
        }

        if (points.Count == 0)
            throw AnalyticsException.Unprocessable("from", "The portfolio cannot be valued on any day of the window (no prices or exchange rates).");
        moneyFlows.Add((points[^1].Time, points[^1].Value));

        var span = (points[^1].Time - points[0].Time).TotalDays;
        var twr = returns.Count > 0 ? ReturnMetrics.TotalReturn(returns.Select(r => r.Return).ToArray()) : (double?)null;
        var (local, currencyReturn) = PortfolioReturns.SplitCurrency(returns.Select(r => r.Return).ToList(), localReturns);
        var irr = points.Count > 1 ? Irr.Annual(moneyFlows) : null;
        var index = TimeSeries.From(new[] { (points[0].Time, 1.0) }.Concat(Cumulative(returns)));
        var risk = index.Count >= 3
            ? RiskCalculator.ForAsset("portfolio", index, benchmarkPrices, confidence, riskFree, periodsPerYear)
            : null;

        return new PortfolioAnalyticsReport(
            portfolio.Id,
            baseCurrency,
            benchmark,
            points,
            new LabelledReturn("Time-weighted return (TWR)", Finite(twr), span > 0 && twr is { } t ? Finite(Math.Pow(1 + t, 365 / span) - 1) : null,
                "Daily returns (V_t - F_t) / V_(t-1) - 1 chained; removes the effect of when money was added or withdrawn. Compare with the benchmark."),
            new LabelledReturn("Money-weighted return (IRR)", span > 0 && irr is { } i ? Finite(Math.Pow(1 + i, span / 365) - 1) : null, Finite(irr),
                "The annual rate (actual/365) that discounts the start value, deposits and withdrawals to the end value; reflects the timing of your own flows."),
            contributions.Select(c => new HoldingContribution(book.Symbols[c.Key], c.Value)).OrderByDescending(c => c.Contribution).ToList(),
            risk,
            new LabelledReturn("Local return", Finite(local), Annual(local, span),
                $"TWR with exchange rates held at the day before's each day: what the holdings earned in their own currencies, in {baseCurrency}."),
            new LabelledReturn("Currency return", Finite(currencyReturn), Annual(currencyReturn, span),
                $"What moving exchange rates added: (1 + TWR) = (1 + local) x (1 + currency), day by day and so over the window."));
    }

    private static IEnumerable<(DateTime, double)> Cumulative(IEnumerable<(DateTime Time, double Return)> returns)
    {
        var wealth = 1.0;
        foreach (var (time, r) in returns)
        {
            wealth *= 1 + r;
            yield return (time, wealth);
        }
    }

    private static double? Annual(double? r, double span) => span > 0 && r is { } x ? Finite(Math.Pow(1 + x, 365 / span) - 1) : null;

    private static double? Finite(double? v) => v is { } x && double.IsFinite(x) ? x : null;

    private static double? PriceAt(TimeSeries s, DateTime day)
    {
        var i = Array.BinarySearch(s.Times, day.Date);
        if (i >= 0) return s.Values[i];
        i = ~i - 1;
        return i >= 0 ? s.Values[i] : null;
    }
}
