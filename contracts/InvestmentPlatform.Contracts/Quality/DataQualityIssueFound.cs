namespace InvestmentPlatform.Contracts.Quality;

/// <summary>
/// v1. A quality check found something new on a series: published through the outbox with the stored finding, once
/// per finding (a check run again over the same bars publishes nothing more), for alerts and external subscribers.
/// </summary>
/// <param name="FindingId">The stored finding's id (<c>/api/quality/findings/{id}</c>).</param>
/// <param name="AssetId">The asset's id in the platform.</param>
/// <param name="Symbol">The asset's symbol.</param>
/// <param name="Interval">Bar interval of the series.</param>
/// <param name="Kind">ohlc, gap, stale, outlier, unit or flat (docs/data-quality.md).</param>
/// <param name="BarTime">The bar the finding is about (the first of a gap or a run), UTC.</param>
/// <param name="Severity">error or warning.</param>
/// <param name="Quarantined">Whether the bar is kept out of clean queries and analytics until a person accepts it.</param>
/// <param name="Detail">What was found, in words.</param>
/// <param name="Score">The series' quality score (0–100) after the check.</param>
/// <param name="FoundAt">When the check ran, UTC.</param>
public record DataQualityIssueFound(
    long FindingId,
    long AssetId,
    string Symbol,
    string Interval,
    string Kind,
    DateTime BarTime,
    string Severity,
    bool Quarantined,
    string Detail,
    double Score,
    DateTime FoundAt);
