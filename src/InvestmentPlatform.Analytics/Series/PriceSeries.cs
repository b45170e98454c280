using InvestmentPlatform.Analytics.Metrics;

namespace InvestmentPlatform.Analytics.Series;

/// <summary>Daily prices of one asset: adjusted close (close when absent), or close for currency pairs.</summary>
public sealed record PriceSeries(string Symbol, string AssetType, string? Currency, TimeSeries Prices);
