namespace InvestmentPlatform.Api.MarketData;

/// <summary>The JSON shape of GET bars (written by <see cref="BarsResult"/> as a stream; this record documents it).</summary>
/// <param name="Currency">The currency the prices are in: the asset's own, or the one asked for with <c>currency=</c>.</param>
/// <param name="ConvertedFrom">The asset's own currency when the prices were converted, otherwise null.</param>
/// <param name="PriceDecimals">Decimals the provider quotes the asset's prices in, to show them with; null when no provider said, or when the prices were converted.</param>
/// <param name="AsOf">The day asked for with <c>asOf=</c>: the values are those published on it. Null for today's values.</param>
public sealed record BarsResponse(
    string Symbol, string AssetType, string Interval, string BaseInterval, string Adjust, bool IsSynthetic, string? Currency,
    IReadOnlyList<BarDto> Bars, string? ConvertedFrom = null, DateOnly? AsOf = null, int? PriceDecimals = null);

public sealed record BarDto(DateTime Time, double Open, double High, double Low, double Close, double? AdjClose, double? Volume);
