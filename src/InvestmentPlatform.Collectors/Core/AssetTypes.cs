namespace InvestmentPlatform.Collectors.Core;

/// <summary>The asset types the platform stores (see <c>AssetDescription.AssetType</c>).</summary>
public static class AssetTypes
{
    public const string Stock = "stock";
    public const string Forex = "forex";
    public const string Crypto = "crypto";
    public const string Bond = "bond";
    public const string Commodity = "commodity";
    public const string EconomicIndicator = "economic_indicator";

    public static readonly IReadOnlyList<string> All = [Stock, Forex, Crypto, Bond, Commodity, EconomicIndicator];
}
