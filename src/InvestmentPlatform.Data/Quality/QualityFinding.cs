namespace InvestmentPlatform.Data.Quality;

/// <summary>
/// What a quality check found on one bar of one series; unique per (asset, interval, kind, bar time), so a check run
/// again finds the same row and a person's decision on it is kept.
/// </summary>
public class QualityFinding
{
    public long Id { get; set; }
    public long AssetId { get; set; }
    public required string Interval { get; set; }
    public required string Kind { get; set; }
    public DateTime BarTime { get; set; }
    public required string Severity { get; set; }
    public required string Detail { get; set; }
    /// <summary>Bars the finding covers (a gap's missing bars, a flat run's length).</summary>
    public int Bars { get; set; } = 1;
    /// <summary>The bar is kept out of queries with quality=clean and of analytics while this holds.</summary>
    public bool Quarantined { get; set; }
    /// <summary>open, accepted (the bar is right as stored) or rejected (the bar is wrong and stays quarantined).</summary>
    public required string Status { get; set; }
    public string? DecidedBy { get; set; }
    public DateTime? DecidedAt { get; set; }
    public DateTime FoundAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>The latest quality score of one series (asset, interval) and its parts.</summary>
public class SeriesQuality
{
    public long AssetId { get; set; }
    public required string Interval { get; set; }
    public double Score { get; set; }
    public double Coverage { get; set; }
    public double Sanity { get; set; }
    public double Freshness { get; set; }
    public long ExpectedBars { get; set; }
    public long MissingBars { get; set; }
    public long StoredBars { get; set; }
    public long SuspectBars { get; set; }
    public int OpenFindings { get; set; }
    public DateTime? LastBar { get; set; }
    public required string Calendar { get; set; }
    public DateTime CheckedAt { get; set; }
}

public static class FindingStatuses
{
    public const string Open = "open";
    public const string Accepted = "accepted";
    public const string Rejected = "rejected";
}
