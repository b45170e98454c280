using InvestmentPlatform.Contracts.Ingestion;

namespace InvestmentPlatform.Data.Series;

public static class SeriesTables
{
    /// <summary>The series table rows of this asset type are stored in.</summary>
    public static string For(string assetType) => assetType switch
    {
        AssetTypes.Forex => "forex_rates",
        AssetTypes.Bond => "bond_rates",
        AssetTypes.EconomicIndicator => "economic_data",
        _ => "market_data",
    };
}
