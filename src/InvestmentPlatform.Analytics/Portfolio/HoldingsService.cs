using InvestmentPlatform.Data;

namespace InvestmentPlatform.Analytics.Portfolio;

/// <summary>Holdings, cost basis, P&amp;L and value in the base currency at a date.</summary>
public sealed class HoldingsService(PlatformDbContext db, PortfolioService portfolios, TimeProvider clock)
{
    /// <param name="at">A UTC day: every transaction and price of that day counts. Today when null.</param>
    public async Task<HoldingsReport> GetAsync(Guid portfolioId, DateTime? at, CancellationToken ct)
    {
        var portfolio = await portfolios.FindAsync(portfolioId, ct);
        var day = (at?.ToUniversalTime() ?? clock.GetUtcNow().UtcDateTime).Date;
        var book = await PortfolioBook.LoadAsync(db, portfolio, day, ct);
        var ledger = book.NewLedger();
        foreach (var tx in book.Transactions.Where(t => t.Time.Date <= day))
            ledger.Apply(tx);

        var cash = ledger.Cash.Where(c => Math.Abs(c.Value) > Ledger.Epsilon)
            .Select(c => new CashBalance(c.Key, c.Value, c.Value * (book.Prices.Fx(c.Key, day)
                ?? throw AnalyticsException.Unprocessable("at", $"No {c.Key} to {portfolio.BaseCurrency} rate on or before {day:yyyy-MM-dd}."))))
            .OrderBy(c => c.Currency).ToList();
        var holdings = ledger.Positions.Values
            .Where(p => Math.Abs(p.Quantity) > Ledger.Epsilon || Math.Abs(p.RealizedPnl) > Ledger.Epsilon || Math.Abs(p.Income) > Ledger.Epsilon)
            .Select(p =>
            {
                var price = book.Prices.Price(p.AssetId, day);
                var fx = book.Prices.Fx(p.Currency, day);
                var value = price * p.Quantity;
                return (Position: p, Price: price, Value: value, ValueBase: value * fx);
            }).ToList();
        var total = cash.Sum(c => c.AmountBase) + holdings.Sum(h => h.ValueBase ?? 0);
        // Transactions stored before amounts were bounded can still add up past what a double holds.
        if (!double.IsFinite(total) || holdings.Any(h => !double.IsFinite(h.Position.CostBasis) || !double.IsFinite(h.Position.RealizedPnl)))
            throw AnalyticsException.Unprocessable("portfolio",
                "The portfolio's transactions add up to amounts too large to represent; delete the oversized transactions.");
        return new HoldingsReport(
            portfolio.BaseCurrency,
            day,
            cash.Sum(c => c.AmountBase),
            cash,
            total,
            holdings.OrderByDescending(h => h.ValueBase ?? 0).ThenBy(h => h.Position.Symbol).Select(h => new HoldingDto(
                h.Position.Symbol,
                h.Position.Quantity,
                h.Position.AverageCost,
                h.Position.CostBasis,
                h.Price,
                h.Position.Currency,
                h.Value,
                h.ValueBase,
                h.Value - h.Position.CostBasis,
                h.Position.RealizedPnl,
                h.Position.Income,
                total != 0 && h.ValueBase is { } v ? v / total : null)).ToList());
    }
}
