using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Analytics.Currencies;
using InvestmentPlatform.Analytics.Metrics;
using InvestmentPlatform.Analytics.Series;
using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Assets;
using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.Analytics.Portfolio;

/// <summary>
/// Daily closes of held assets (unadjusted: splits and dividends are transactions of their own; minor units such as
/// GBp scaled to their major currency, which transactions are kept in) and the currency
/// pairs that convert into the base currency. A value at a date is the last one on or before that UTC day; a date
/// before the first observation has none (never zero).
/// </summary>
public sealed class PriceBook
{
    private readonly Dictionary<long, TimeSeries> _prices = [];
    private readonly Dictionary<string, List<(TimeSeries Series, bool Invert)>> _fx = new(StringComparer.Ordinal);

    public string BaseCurrency { get; }

    private PriceBook(string baseCurrency) => BaseCurrency = baseCurrency;

    public IEnumerable<DateTime> PriceDates(long assetId) => _prices.TryGetValue(assetId, out var s) ? s.Times : [];

    public static async Task<PriceBook> LoadAsync(
        PlatformDbContext db, string baseCurrency, IReadOnlyCollection<long> assetIds, IReadOnlyCollection<string> currencies,
        DateTime to, CancellationToken ct)
    {
        var book = new PriceBook(baseCurrency);
        var end = to.Date.AddDays(1);
        var ids = assetIds.ToList();
        var bars = await db.MarketData.AsNoTracking()
            .Where(b => ids.Contains(b.AssetId) && b.Interval == SeriesReader.Interval && b.Time < end && b.Close > 0)
            .Select(b => new { b.AssetId, b.Time, b.Close }).ToListAsync(ct);
        var fxBars = await db.ForexRates.AsNoTracking()
            .Where(b => ids.Contains(b.AssetId) && b.Interval == SeriesReader.Interval && b.Time < end && b.Close > 0)
            .Select(b => new { b.AssetId, b.Time, b.Close }).ToListAsync(ct);
        // Holdings are kept in major currencies: a price quoted in pence (GBp) is read as GBP / 100.
        var perMajor = (await db.Assets.AsNoTracking().Where(a => ids.Contains(a.AssetId)).Select(a => new { a.AssetId, a.Currency }).ToListAsync(ct))
            .ToDictionary(a => a.AssetId, a => CurrencyUnit.PerMajorOf(a.Currency));
        foreach (var g in bars.Concat(fxBars).GroupBy(b => b.AssetId))
            book._prices[g.Key] = TimeSeries.From(g.Select(b => (b.Time.Date, b.Close / perMajor.GetValueOrDefault(g.Key, 1))));

        // Pairs are Yahoo-named (EURUSD=X: one EUR in USD) or stored as forex; a currency without its own pair to the
        // base goes through USD, then EUR, as every conversion does (CurrencyRoutes).
        var candidates = (await db.Assets.AsNoTracking().Where(a => a.AssetType == AssetTypes.Forex || a.Symbol.EndsWith("=X"))
                .Select(a => new { a.AssetId, a.Symbol, a.AssetType }).ToListAsync(ct))
            .Select(a => (a.AssetId, a.Symbol, a.AssetType, Pair: FxPair.FromSymbol(a.Symbol)!))
            .Where(a => a.Pair is not null).OrderBy(a => a.Symbol, StringComparer.Ordinal).ToList();
        foreach (var currency in currencies.Where(c => c != baseCurrency).Distinct())
        {
            var route = CurrencyRoutes.Find(candidates, a => a.Pair, currency, baseCurrency)
                        ?? throw AnalyticsException.Unprocessable("baseCurrency",
                            $"No currency pair to convert {currency} into {baseCurrency}: store {CurrencyRoutes.Wanted(currency, baseCurrency)}.");
            var legs = new List<(TimeSeries, bool)>();
            foreach (var (pair, invert) in route)
            {
                var table = pair.AssetType == AssetTypes.Forex
                    ? await db.ForexRates.AsNoTracking().Where(b => b.AssetId == pair.AssetId && b.Interval == SeriesReader.Interval && b.Time < end && b.Close > 0)
                        .Select(b => new { b.Time, b.Close }).ToListAsync(ct)
                    : await db.MarketData.AsNoTracking().Where(b => b.AssetId == pair.AssetId && b.Interval == SeriesReader.Interval && b.Time < end && b.Close > 0)
                        .Select(b => new { b.Time, b.Close }).ToListAsync(ct);
                legs.Add((TimeSeries.From(table.Select(b => (b.Time.Date, b.Close))), invert));
            }
            book._fx[currency] = legs;
        }
        return book;
    }

    public double? Price(long assetId, DateTime date) =>
        _prices.TryGetValue(assetId, out var s) ? At(s, date) : null;

    /// <summary>Base-currency units per unit of <paramref name="currency"/> on the date: the product of its route's rates.</summary>
    public double? Fx(string currency, DateTime date)
    {
        if (currency == BaseCurrency)
            return 1;
        if (!_fx.TryGetValue(currency, out var legs))
            return null;
        var rate = 1.0;
        foreach (var (series, invert) in legs)
        {
            if (At(series, date) is not { } leg)
                return null;
            rate *= invert ? 1 / leg : leg;
        }
        return rate;
    }

    private static double? At(TimeSeries s, DateTime date)
    {
        var day = date.Date;
        int lo = 0, hi = s.Count - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (s.Times[mid] <= day) { found = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        return found >= 0 ? s.Values[found] : null;
    }
}
