using InvestmentPlatform.Contracts.Ingestion;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using InvestmentPlatform.Analytics.Metrics;
using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Assets;
using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.Analytics.Series;

/// <summary>Reads the daily series the metrics run on straight from the series tables.</summary>
public sealed class SeriesReader(PlatformDbContext db)
{
    public const string Interval = "1d";

    public async Task<List<Asset>> ResolveAsync(IReadOnlyList<string> symbols, CancellationToken ct)
    {
        var assets = await db.Assets.AsNoTracking().Where(a => symbols.Contains(a.Symbol)).ToListAsync(ct);
        var missing = symbols.FirstOrDefault(s => assets.All(a => a.Symbol != s));
        if (missing is not null)
            throw AnalyticsException.NotFound("symbols", $"Unknown symbol '{missing}'.");
        return symbols.Select(s => assets.First(a => a.Symbol == s)).ToList();
    }

    /// <summary>Prices in [from, to] (inclusive, daily bars); non-positive prices and quarantined bars are left out, never replaced.</summary>
    public async Task<List<PriceSeries>> LoadPricesAsync(IReadOnlyList<string> symbols, DateTime? from, DateTime? to, CancellationToken ct)
    {
        var assets = await ResolveAsync(symbols, ct);
        var notPrices = assets.FirstOrDefault(a => a.AssetType is AssetTypes.Bond or AssetTypes.EconomicIndicator);
        if (notPrices is not null)
            throw AnalyticsException.Unprocessable("symbols", $"'{notPrices.Symbol}' is a {notPrices.AssetType} series (yields or levels), not prices.");

        var lo = from ?? DateTime.MinValue;
        var hi = to ?? DateTime.MaxValue;
        var marketIds = assets.Where(a => a.AssetType != AssetTypes.Forex).Select(a => a.AssetId).ToList();
        var fxIds = assets.Where(a => a.AssetType == AssetTypes.Forex).Select(a => a.AssetId).ToList();
        var rows = new List<(long AssetId, DateTime Time, double Price)>();
        if (marketIds.Count > 0)
            rows.AddRange((await db.MarketData.AsNoTracking()
                    .Where(b => marketIds.Contains(b.AssetId) && b.Interval == Interval && b.Time >= lo && b.Time <= hi)
                    .Where(b => !db.QualityFindings.Any(q => q.Quarantined && q.AssetId == b.AssetId && q.Interval == b.Interval && q.BarTime == b.Time))
                    .Select(b => new { b.AssetId, b.Time, Price = b.AdjClose ?? b.Close })
                    .ToListAsync(ct))
                .Select(r => (r.AssetId, r.Time, r.Price)));
        if (fxIds.Count > 0)
            rows.AddRange((await db.ForexRates.AsNoTracking()
                    .Where(b => fxIds.Contains(b.AssetId) && b.Interval == Interval && b.Time >= lo && b.Time <= hi)
                    .Where(b => !db.QualityFindings.Any(q => q.Quarantined && q.AssetId == b.AssetId && q.Interval == b.Interval && q.BarTime == b.Time))
                    .Select(b => new { b.AssetId, b.Time, Price = b.Close })
                    .ToListAsync(ct))
                .Select(r => (r.AssetId, r.Time, r.Price)));

        var byAsset = rows.Where(r => r.Price > 0 && double.IsFinite(r.Price)).ToLookup(r => r.AssetId);
        return assets.Select(a => new PriceSeries(a.Symbol, a.AssetType, a.Currency,
            TimeSeries.From(byAsset[a.AssetId].Select(r => (r.Time, r.Price))))).ToList();
    }

    /// <summary>Mean of a yield series (percent) over the window, as an annual decimal rate.</summary>
    public async Task<double> AverageRateAsync(string symbol, DateTime? from, DateTime? to, CancellationToken ct)
    {
        var asset = (await ResolveAsync([symbol], ct))[0];
        var lo = from ?? DateTime.MinValue;
        var hi = to ?? DateTime.MaxValue;
        var values = asset.AssetType switch
        {
            AssetTypes.Bond => await db.BondRates.Where(r => r.AssetId == asset.AssetId && r.Time >= lo && r.Time <= hi).Select(r => r.Rate).ToListAsync(ct),
            AssetTypes.EconomicIndicator => await db.EconomicData.Where(r => r.AssetId == asset.AssetId && r.Time >= lo && r.Time <= hi).Select(r => r.Value).ToListAsync(ct),
            _ => throw AnalyticsException.Unprocessable("riskFreeSeries", $"'{symbol}' is not a rate series (bond or economic indicator)."),
        };
        if (values.Count == 0)
            throw AnalyticsException.Unprocessable("riskFreeSeries", $"'{symbol}' has no observations in the window.");
        return values.Average() / 100;
    }

    /// <summary>
    /// A hash of what the inputs hold in the window (row count, last time and sum of prices per asset), so a stored
    /// result is reused only while no row was added, removed or revised.
    /// </summary>
    public async Task<string> FingerprintAsync(IReadOnlyList<string> symbols, DateTime? from, DateTime? to, CancellationToken ct)
    {
        var assets = await db.Assets.AsNoTracking().Where(a => symbols.Contains(a.Symbol)).ToListAsync(ct);
        var ids = assets.Select(a => a.AssetId).ToList();
        var lo = from ?? DateTime.MinValue;
        var hi = to ?? DateTime.MaxValue;
        var market = await db.MarketData.Where(b => ids.Contains(b.AssetId) && b.Interval == Interval && b.Time >= lo && b.Time <= hi)
            .GroupBy(b => b.AssetId)
            .Select(g => new { g.Key, Count = g.Count(), Last = g.Max(b => b.Time), Sum = g.Sum(b => b.AdjClose ?? b.Close) })
            .ToListAsync(ct);
        var fx = await db.ForexRates.Where(b => ids.Contains(b.AssetId) && b.Interval == Interval && b.Time >= lo && b.Time <= hi)
            .GroupBy(b => b.AssetId)
            .Select(g => new { g.Key, Count = g.Count(), Last = g.Max(b => b.Time), Sum = g.Sum(b => b.Close) })
            .ToListAsync(ct);
        var rates = await db.BondRates.Where(b => ids.Contains(b.AssetId) && b.Time >= lo && b.Time <= hi)
            .GroupBy(b => b.AssetId)
            .Select(g => new { g.Key, Count = g.Count(), Last = g.Max(b => b.Time), Sum = g.Sum(b => b.Rate) })
            .ToListAsync(ct);
        var text = new StringBuilder();
        foreach (var a in assets.OrderBy(a => a.Symbol, StringComparer.Ordinal))
        {
            text.Append(a.Symbol).Append(':');
            foreach (var g in market.Where(m => m.Key == a.AssetId).Concat(fx.Where(m => m.Key == a.AssetId)).Concat(rates.Where(m => m.Key == a.AssetId)))
                text.Append(CultureInfo.InvariantCulture, $"{g.Count},{g.Last:O},{g.Sum:R};");
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
