namespace InvestmentPlatform.Data.Ingestion;

public class IngestionRequest
{
    public Guid Id { get; set; }
    public required string Source { get; set; }
    public string? AssetType { get; set; }
    /// <summary>JSON array of symbols.</summary>
    public required string Symbols { get; set; }
    public required string Interval { get; set; }
    public DateTime From { get; set; }
    public DateTime To { get; set; }
    public required string Mode { get; set; }
    /// <summary>JSON object of source options (CSV path, synthetic seed), or null.</summary>
    public string? Options { get; set; }
    public required string Status { get; set; }
    public Guid? JobId { get; set; }
    public Guid? RunId { get; set; }
    /// <summary>The user who submitted it through the API; null for the scheduler's and the CLI's. Its live events go
    /// to that user (and admins) only.</summary>
    public string? RequestedBy { get; set; }
    /// <summary>Rows asked for (bars in the range times symbols), counted against the source's daily ceiling; 0 once refused.</summary>
    public long PlannedRows { get; set; }
    public int ChunksTotal { get; set; }
    public int ChunksDone { get; set; }
    public long RecordsCollected { get; set; }
    public long RecordsLoaded { get; set; }
    public long RecordsRejected { get; set; }
    public string? ErrorClass { get; set; }
    public string? ErrorMessage { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
    public int Version { get; set; }
}
