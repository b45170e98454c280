using InvestmentPlatform.Analytics.Metrics;
using InvestmentPlatform.Analytics.Series;
using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InvestmentPlatform.Analytics.Currencies;

/// <summary>
/// Plans and loads conversions from the stored currency pairs (assets of type forex). Every refusal is an
/// <see cref="AnalyticsException"/> on the field <c>currency</c>: 400 for a code that is not one, 422 for an asset
/// without a currency, a missing route or a missing rate. A rate is never assumed.
/// </summary>
public sealed class CurrencyConverter(PlatformDbContext db, IOptions<CurrencyOptions> options)
{
    public const string Field = "currency";
    public const string DailyInterval = "1d";

    /// <summary>The unit a <c>currency=</c> parameter asks for, or null when none is asked; 400 when it is not a code.</summary>
    public static CurrencyUnit? ParseTarget(string? currency)
    {
        if (string.IsNullOrWhiteSpace(currency))
            return null;
        return CurrencyUnit.Parse(currency)
               ?? throw AnalyticsException.Invalid(Field, $"currency '{currency}' is not a currency code: use a three-letter code such as EUR (or GBp, ZAc, ILA for minor units).");
    }

    /// <summary>
    /// How to convert the prices of <paramref name="symbol"/>, quoted in <paramref name="assetCurrency"/>, into
    /// <paramref name="target"/>; each pair is read in <paramref name="interval"/> when it is stored so, daily otherwise.
    /// </summary>
    public async Task<CurrencyConversion> PlanAsync(string symbol, string? assetCurrency, CurrencyUnit target, string interval, CancellationToken ct)
    {
        var from = CurrencyUnit.Parse(assetCurrency) ?? throw AnalyticsException.Unprocessable(Field, assetCurrency is null
            ? $"'{symbol}' has no currency, so its prices cannot be converted: set the asset's currency first."
            : $"'{symbol}' is quoted in '{assetCurrency}', which is not a currency code, so its prices cannot be converted.");
        var factor = target.PerMajor / from.PerMajor;
        var maxAge = options.Value.MaxRateAge;
        if (from.Major == target.Major)
            return new CurrencyConversion(from, target, factor, [], maxAge);

        var pairs = await db.Assets.AsNoTracking()
            .Where(a => a.AssetType == AssetTypes.Forex && db.ForexRates.Any(r => r.AssetId == a.AssetId))
            .Select(a => new { a.AssetId, a.Symbol }).ToListAsync(ct);
        var known = pairs.Select(p => (p.AssetId, p.Symbol, Pair: FxPair.FromSymbol(p.Symbol)))
            .Where(p => p.Pair is not null).Select(p => (p.AssetId, p.Symbol, Pair: p.Pair!))
            .OrderBy(p => p.Symbol, StringComparer.Ordinal).ToList();
        var route = CurrencyRoutes.Find(known, p => p.Pair, from.Major, target.Major)
                    ?? throw AnalyticsException.Unprocessable(Field,
                        $"No exchange rate series to convert {from} into {target}: store {CurrencyRoutes.Wanted(from.Major, target.Major)}.");

        var legs = new List<ConversionLeg>(route.Count);
        foreach (var (p, invert) in route)
        {
            var same = interval != DailyInterval && await db.ForexRates.AnyAsync(r => r.AssetId == p.AssetId && r.Interval == interval, ct);
            legs.Add(new ConversionLeg(p.AssetId, p.Symbol, p.Pair, same ? interval : DailyInterval, invert));
        }
        return new CurrencyConversion(from, target, factor, legs, maxAge);
    }

    /// <summary>The rates of each leg that can convert bars in [from, to]; quarantined rates are left out.</summary>
    public async Task<RateTable> LoadAsync(CurrencyConversion conversion, DateTime? from, DateTime? to, CancellationToken ct)
    {
        var lo = from is { } f ? f - conversion.MaxRateAge : DateTime.MinValue;
        var hi = to ?? DateTime.MaxValue;
        var series = new List<TimeSeries>(conversion.Legs.Count);
        foreach (var leg in conversion.Legs)
        {
            var rows = await db.ForexRates.AsNoTracking()
                .Where(r => r.AssetId == leg.AssetId && r.Interval == leg.Interval && r.Time >= lo && r.Time <= hi && r.Close > 0)
                .Where(r => !db.QualityFindings.Any(q => q.Quarantined && q.AssetId == r.AssetId && q.Interval == r.Interval && q.BarTime == r.Time))
                .Select(r => new { r.Time, r.Close }).ToListAsync(ct);
            series.Add(TimeSeries.From(rows.Where(r => double.IsFinite(r.Close)).Select(r => (DateTime.SpecifyKind(r.Time, DateTimeKind.Utc), r.Close))));
        }
        return new RateTable(conversion, series);
    }

    /// <summary>
    /// A daily price series in <paramref name="target"/>: each price times the rate at its day; 422 naming the pair at the
    /// first day without one.
    /// </summary>
    public async Task<PriceSeries> ConvertAsync(PriceSeries series, CurrencyUnit target, CancellationToken ct)
    {
        var conversion = await PlanAsync(series.Symbol, series.Currency, target, DailyInterval, ct);
        if (conversion.IsIdentity || series.Prices.Count == 0)
            return series with { Currency = target.Code };
        var rates = await LoadAsync(conversion, series.Prices.Times[0], series.Prices.Times[^1], ct);
        var values = new double[series.Prices.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var time = series.Prices.Times[i];
            values[i] = series.Prices.Values[i] * (rates.RateAt(time) ?? throw AnalyticsException.Unprocessable(Field, rates.MissingAt(time)!));
        }
        return series with { Currency = target.Code, Prices = new TimeSeries(series.Prices.Times, values) };
    }

    /// <summary>The 422 for a bar at <paramref name="time"/> that has no rate, naming the pair (and its last rate of the month before).</summary>
    public async Task<AnalyticsException> MissingAsync(CurrencyConversion conversion, DateTime time, CancellationToken ct)
    {
        var rates = await LoadAsync(conversion, time - conversion.MaxRateAge - TimeSpan.FromDays(31), time, ct);
        return AnalyticsException.Unprocessable(Field, rates.MissingAt(time) ?? $"No rate at {time:yyyy-MM-dd HH:mm} UTC to convert {conversion.From} into {conversion.To}.");
    }

    internal static string NoRate(CurrencyConversion conversion, ConversionLeg leg, DateTime time, DateTime? last) =>
        $"No {leg.Symbol} rate ({leg.Interval}) at or within {Age(conversion.MaxRateAge)} before {time:yyyy-MM-dd HH:mm} UTC to convert " +
        $"{conversion.From} into {conversion.To}{(last is { } l ? $": the last one is from {l:yyyy-MM-dd HH:mm}, older than Currencies:MaxRateAge" : "")}.";

    private static string Age(TimeSpan age) => age.TotalDays >= 1 && age.TotalDays % 1 == 0 ? $"{age.TotalDays:0} days" : age.ToString();
}
