namespace InvestmentPlatform.Api.MarketData;

/// <summary>The JSON shape of GET bars (written by <see cref="BarsResult"/> as a stream; this record documents it).</summary>
public sealed record BarsResponse(
    string Symbol, string AssetType, string Interval, string BaseInterval, string Adjust, bool IsSynthetic, string? Currency,
    IReadOnlyList<BarDto> Bars);

public sealed record BarDto(DateTime Time, double Open, double High, double Low, double Close, double? AdjClose, double? Volume);
