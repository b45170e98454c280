namespace InvestmentPlatform.Contracts.Ingestion;

/// <summary>What a provider reports about an asset; used to register unknown symbols on first sight.</summary>
/// <param name="Symbol">Provider symbol.</param>
/// <param name="Name">Display name, when known.</param>
/// <param name="AssetType">stock, forex, crypto, bond, commodity or economic_indicator.</param>
/// <param name="Currency">Currency of the prices exactly as quoted, minor units included (GBp for pence, ZAc, ILA).</param>
/// <param name="Exchange">Exchange or venue, when known.</param>
/// <param name="Source">Source that described the asset.</param>
/// <param name="Metadata">Provider facts such as time zone, original price unit, series frequency and units.</param>
public record AssetDescription(
    string Symbol,
    string? Name,
    string AssetType,
    string? Currency,
    string? Exchange,
    string Source,
    IReadOnlyDictionary<string, string> Metadata);
