namespace InvestmentPlatform.Data.Ingestion;

/// <summary>One row per asset per request: what was collected, loaded and rejected, and why it failed.</summary>
public class DataCollectionLog
{
    public long Id { get; set; }
    public Guid RequestId { get; set; }
    public Guid? JobId { get; set; }
    public Guid? RunId { get; set; }
    public long? AssetId { get; set; }
    public required string Symbol { get; set; }
    public required string Source { get; set; }
    public required string Interval { get; set; }
    public required string Status { get; set; }
    public long RecordsCollected { get; set; }
    public long RecordsLoaded { get; set; }
    public long RecordsRejected { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public double? DurationMs { get; set; }
    public string? ErrorClass { get; set; }
    public string? ErrorMessage { get; set; }
}
