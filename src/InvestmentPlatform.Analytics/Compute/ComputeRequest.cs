using System.Text.Json;

namespace InvestmentPlatform.Analytics.Compute;

/// <summary>Body of POST /api/analytics/compute.</summary>
public sealed record ComputeRequest(
    string? Kind,
    IReadOnlyList<string>? Symbols,
    DateTime? From,
    DateTime? To,
    string? Benchmark,
    double? RiskFree,
    string? RiskFreeSeries,
    double? PeriodsPerYear,
    int? RollingWindow,
    double? Confidence,
    string? Interval = null)
{
    public AnalyticsParameters ToParameters() => new(
        Symbols ?? [], From, To, Benchmark, RiskFree, RiskFreeSeries, PeriodsPerYear,
        RollingWindow ?? AnalyticsParameters.DefaultRollingWindow, Confidence ?? AnalyticsParameters.DefaultConfidence, Interval: Interval);
}

public sealed record ComputeAccepted(Guid Id, string Status);

/// <param name="Result">The same JSON GET /api/analytics/performance or /risk answers, once succeeded.</param>
public sealed record AnalyticsResultDto(
    Guid Id, string Kind, string Status, JsonElement? Result, string? Error, DateTime CreatedAt, DateTime? CompletedAt);
