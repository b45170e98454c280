using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Portfolio;
using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.Analytics.Portfolio;

/// <summary>A portfolio's transactions in replay order with the prices and rates needed to value it.</summary>
public sealed record PortfolioBook(
    PortfolioAccount Portfolio,
    IReadOnlyList<LedgerEntry> Transactions,
    IReadOnlyDictionary<long, string> Symbols,
    PriceBook Prices)
{
    /// <param name="baseCurrency">The currency to value in; the portfolio's own base currency when null.</param>
    public static async Task<PortfolioBook> LoadAsync(PlatformDbContext db, PortfolioAccount portfolio, DateTime to, CancellationToken ct,
        string? baseCurrency = null)
    {
        var rows = await db.PortfolioTransactions.AsNoTracking().Where(t => t.PortfolioId == portfolio.Id).ToListAsync(ct);
        var ids = rows.Where(r => r.AssetId != null).Select(r => r.AssetId!.Value).Distinct().ToList();
        var symbols = await db.Assets.AsNoTracking().Where(a => ids.Contains(a.AssetId)).ToDictionaryAsync(a => a.AssetId, a => a.Symbol, ct);
        var entries = TransactionService.Order(rows)
            .Select(t => TransactionService.ToEntry(t, t.AssetId is { } id ? symbols[id] : null))
            .ToList();
        var book = await PriceBook.LoadAsync(db, baseCurrency ?? portfolio.BaseCurrency, ids, rows.Select(r => r.Currency).Distinct().ToList(), to, ct);
        return new PortfolioBook(portfolio, entries, symbols, book);
    }

    public Ledger NewLedger() => new(Portfolio.CostBasisMethod, Portfolio.AllowShort);
}

/// <summary>The value of a ledger's state on one date, in the base currency.</summary>
/// <param name="Holdings">Market value in the base currency per asset id.</param>
public sealed record Valuation(double Total, double Cash, IReadOnlyDictionary<long, double> Holdings);

public static class Valuer
{
    /// <summary>Null when a held asset has no price, or a currency no rate, on or before the date.</summary>
    /// <param name="ratesDate">The date whose exchange rates apply, when not <paramref name="date"/>'s own (local returns hold them still).</param>
    public static Valuation? Value(Ledger ledger, PriceBook prices, DateTime date, DateTime? ratesDate = null)
    {
        var fxDate = ratesDate ?? date;
        var holdings = new Dictionary<long, double>();
        foreach (var p in ledger.Positions.Values)
        {
            if (Math.Abs(p.Quantity) <= Ledger.Epsilon)
            {
                holdings[p.AssetId] = 0;
                continue;
            }
            if (prices.Price(p.AssetId, date) is not { } price || prices.Fx(p.Currency, fxDate) is not { } fx)
                return null;
            holdings[p.AssetId] = p.Quantity * price * fx;
        }
        var cash = 0.0;
        foreach (var (currency, amount) in ledger.Cash)
        {
            if (Math.Abs(amount) <= Ledger.Epsilon)
                continue;
            if (prices.Fx(currency, fxDate) is not { } fx)
                return null;
            cash += amount * fx;
        }
        return new Valuation(holdings.Values.Sum() + cash, cash, holdings);
    }
}
