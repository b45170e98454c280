namespace InvestmentPlatform.Contracts.Ingestion;

/// <summary>The keys of <see cref="AssetDescription.Metadata"/> the platform reads; every other key is shown as the provider gave it.</summary>
public static class AssetMetadata
{
    /// <summary>
    /// Decimals the provider quotes the asset's prices in, as an integer text ("2", "5"): Yahoo's priceHint, the
    /// synthetic market's tick. Readers show prices with this many decimals; the stored values are not rounded to it.
    /// </summary>
    public const string PriceDecimals = "priceDecimals";

    /// <summary>The quoted decimals in <paramref name="metadata"/>, when they are there and make sense (0 to 10).</summary>
    public static int? PriceDecimalsIn(IReadOnlyDictionary<string, string> metadata) =>
        metadata.TryGetValue(PriceDecimals, out var text) && int.TryParse(text, System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var decimals) && decimals <= 10 ? decimals : null;
}
