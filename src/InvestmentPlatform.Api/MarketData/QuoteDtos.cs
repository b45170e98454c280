namespace InvestmentPlatform.Api.MarketData;

public sealed record LatestBarDto(
    string Symbol, string Interval, DateTime Time, double Open, double High, double Low, double Close, double? Volume,
    double? PreviousClose, double? Change, double? ChangePercent, string? Currency = null);

public sealed record WatchlistItemDto(
    string Symbol, string? Name, string AssetType, string? Currency, bool IsSynthetic, double? Last, double? Change,
    double? ChangePercent, DateTime? Time, IReadOnlyList<double> Sparkline);
