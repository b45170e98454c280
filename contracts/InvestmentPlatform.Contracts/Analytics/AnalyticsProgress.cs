namespace InvestmentPlatform.Contracts.Analytics;

/// <summary>v1. Progress of a long analytics computation, for the SignalR notifier to forward.</summary>
/// <param name="ResultId">The analytics_results row; GET /api/analytics/results/{id} serves the result.</param>
/// <param name="Kind">performance or risk.</param>
/// <param name="Status">running, succeeded or failed.</param>
/// <param name="Done">Assets computed so far.</param>
/// <param name="Total">Assets in the computation.</param>
/// <param name="Error">Why it failed, when it did.</param>
/// <param name="Timestamp">When the progress was observed, UTC.</param>
public record AnalyticsProgress(Guid ResultId, string Kind, string Status, int Done, int Total, string? Error, DateTime Timestamp);
