namespace InvestmentPlatform.Contracts.Ingestion;

/// <summary>The asset types of the wire contracts (CollectionRequested, DataCollected) and the API.</summary>
public static class AssetTypes
{
    /// <summary>Shares and funds: OHLCV bars with adjusted close, dividends and splits.</summary>
    public const string Stock = "stock";
    /// <summary>Currency pairs: OHLC rates.</summary>
    public const string Forex = "forex";
    /// <summary>Crypto assets: OHLCV bars, traded around the clock.</summary>
    public const string Crypto = "crypto";
    /// <summary>Bond yields, in percent.</summary>
    public const string Bond = "bond";
    /// <summary>Commodities: OHLCV bars.</summary>
    public const string Commodity = "commodity";
    /// <summary>Economic series in their own units.</summary>
    public const string EconomicIndicator = "economic_indicator";

    /// <summary>Every asset type, in the order the API lists them.</summary>
    public static readonly IReadOnlyList<string> All = [Stock, Forex, Crypto, Bond, Commodity, EconomicIndicator];

    /// <summary>Whether <paramref name="value"/> is one of <see cref="All"/>.</summary>
    public static bool IsKnown(string? value) => value is not null && All.Contains(value);
}
