using InvestmentPlatform.Contracts.Ingestion;

namespace InvestmentPlatform.Collectors.Sources.Synthetic;

/// <summary>
/// The character of a synthetic asset: its price level at the anchor date, annual volatility, usual daily volume and
/// quote decimals. Well-known symbols start near their real levels (AAPL in the hundreds, EURUSD near 1.1, BTC in the
/// tens of thousands); any other symbol gets a stable level drawn from its name.
/// </summary>
internal sealed record SyntheticProfile(double Price, double AnnualVol, double? DailyVolume, int Decimals, string Currency)
{
    private static readonly Dictionary<string, double> KnownPrices = new(StringComparer.OrdinalIgnoreCase)
    {
        ["AAPL"] = 245, ["MSFT"] = 420, ["GOOGL"] = 190, ["AMZN"] = 220, ["NVDA"] = 135, ["META"] = 590, ["TSLA"] = 400,
        ["SPY"] = 590, ["QQQ"] = 510, ["^GSPC"] = 5900, ["^IXIC"] = 19300, ["^DJI"] = 42500,
        ["BTC-USD"] = 94000, ["ETH-USD"] = 3350, ["SOL-USD"] = 190, ["XRP-USD"] = 2.1, ["DOGE-USD"] = 0.32,
        ["EURUSD=X"] = 1.035, ["GBPUSD=X"] = 1.25, ["USDJPY=X"] = 157, ["AUDUSD=X"] = 0.62, ["USDCHF=X"] = 0.91,
        ["USDCAD=X"] = 1.44, ["EURGBP=X"] = 0.83,
        ["GC=F"] = 2640, ["SI=F"] = 29.5, ["CL=F"] = 72, ["NG=F"] = 3.6, ["HG=F"] = 4.0,
        ["DGS10"] = 4.57, ["DGS2"] = 4.25, ["DGS30"] = 4.78, ["DFF"] = 4.33, ["UNRATE"] = 4.1, ["CPIAUCSL"] = 317,
    };

    public static SyntheticProfile For(string symbol, string assetType)
    {
        var u = SyntheticPath.Uniform(SyntheticPath.Key(symbol.ToUpperInvariant()), 1);
        var price = KnownPrices.TryGetValue(symbol, out var known) ? known : assetType switch
        {
            AssetTypes.Forex => LogUniform(0.5, 2, u),
            AssetTypes.Bond => LogUniform(1, 5, u),
            AssetTypes.Crypto => LogUniform(0.5, 500, u),
            _ => LogUniform(10, 500, u),
        };
        var annualVol = assetType switch
        {
            AssetTypes.Crypto => 0.65,
            AssetTypes.Forex => 0.08,
            AssetTypes.Bond => 0.15,
            AssetTypes.EconomicIndicator => 0.05,
            AssetTypes.Commodity => 0.25,
            _ => 0.3,
        };
        // Units a day: shares for stocks, coins for crypto, contracts for futures; FX, rates and indicators have none.
        double? dailyVolume = assetType switch
        {
            AssetTypes.Forex or AssetTypes.Bond or AssetTypes.EconomicIndicator => null,
            AssetTypes.Crypto => Math.Round(2e9 / price * LogUniform(0.2, 5, SyntheticPath.Uniform(SyntheticPath.Key(symbol.ToUpperInvariant()), 2))),
            AssetTypes.Commodity => 200_000,
            _ => Math.Round(LogUniform(1e6, 8e7, SyntheticPath.Uniform(SyntheticPath.Key(symbol.ToUpperInvariant()), 2))),
        };
        // Quotes sit on a tick as real ones do: cents for stocks and commodities, pips for FX, finer for cheap coins.
        var decimals = assetType switch
        {
            AssetTypes.Forex => price >= 20 ? 3 : 5,
            AssetTypes.Bond or AssetTypes.EconomicIndicator => 3,
            AssetTypes.Crypto => price >= 1000 ? 2 : price >= 1 ? 4 : 6,
            _ => 2,
        };
        var currency = symbol.ToUpperInvariant() switch
        {
            var s when s.EndsWith(".L", StringComparison.Ordinal) => "GBp",
            var s when s.EndsWith(".DE", StringComparison.Ordinal) || s.EndsWith(".PA", StringComparison.Ordinal) => "EUR",
            var s when s.EndsWith(".T", StringComparison.Ordinal) => "JPY",
            _ => "USD",
        };
        return new SyntheticProfile(price, annualVol, dailyVolume, decimals, currency);
    }

    private static double LogUniform(double low, double high, double u) => Math.Exp(Math.Log(low) + u * (Math.Log(high) - Math.Log(low)));
}
