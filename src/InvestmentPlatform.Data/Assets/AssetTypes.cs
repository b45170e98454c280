namespace InvestmentPlatform.Data.Assets;

public static class AssetTypes
{
    public const string Stock = "stock";
    public const string Forex = "forex";
    public const string Crypto = "crypto";
    public const string Bond = "bond";
    public const string Commodity = "commodity";
    public const string EconomicIndicator = "economic_indicator";

    public static readonly IReadOnlyList<string> All = [Stock, Forex, Crypto, Bond, Commodity, EconomicIndicator];

    public static bool IsKnown(string? value) => value is not null && All.Contains(value);

    /// <summary>The series table rows of this asset type are stored in.</summary>
    public static string TableFor(string assetType) => assetType switch
    {
        Forex => "forex_rates",
        Bond => "bond_rates",
        EconomicIndicator => "economic_data",
        _ => "market_data",
    };
}
