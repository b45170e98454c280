namespace InvestmentPlatform.Contracts.Analytics;

/// <summary>
/// v1. Run the stored computation <paramref name="ResultId"/> (an analytics_results row holding its parameters).
/// Published by the API through the outbox.
/// </summary>
/// <param name="ResultId">The analytics_results row.</param>
/// <param name="Kind">performance or risk.</param>
/// <param name="RequestedAt">When it was asked for, UTC.</param>
public record AnalyticsComputeRequested(Guid ResultId, string Kind, DateTime RequestedAt);
