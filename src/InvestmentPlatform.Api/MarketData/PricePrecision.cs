namespace InvestmentPlatform.Api.MarketData;

/// <summary>
/// Prices leave the API rounded to the decimals the asset's provider quotes in (<see cref="Assets.AssetDto.PriceDecimals"/>),
/// so no float noise reaches a reader; volume leaves as stored.
/// </summary>
public static class PricePrecision
{
    /// <summary>
    /// Decimals the prices of an answer are written with: the asset's quoted decimals for its prices as stored (and
    /// resampled), four more for split- or dividend-adjusted ones, which fall between ticks; null, every digit, when the
    /// asset's decimals are unknown or the prices were converted to another currency.
    /// </summary>
    public static int? For(int? quoted, string adjust) => quoted is { } d ? adjust == "raw" ? d : d + 4 : null;

    public static double Round(double price, int? decimals) =>
        decimals is { } d ? Math.Round(price, d, MidpointRounding.AwayFromZero) : price;
}
