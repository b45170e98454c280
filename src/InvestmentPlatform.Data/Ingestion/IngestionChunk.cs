namespace InvestmentPlatform.Data.Ingestion;

/// <summary>One symbol-window of a request; the unit of work a collector serves.</summary>
public class IngestionChunk
{
    public Guid Id { get; set; }
    public Guid RequestId { get; set; }
    public required string Symbol { get; set; }
    public DateTime From { get; set; }
    public DateTime To { get; set; }
    public required string Status { get; set; }
    public int PartsLoaded { get; set; }
    public long RecordsCollected { get; set; }
    public long RecordsLoaded { get; set; }
    public long RecordsRejected { get; set; }
    public string? ErrorClass { get; set; }
    public string? ErrorMessage { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? StartedAt { get; set; }
    /// <summary>Last sign of life of an in-flight chunk (dispatched, collection started, a part loaded): its lease counts from here.</summary>
    public DateTime? ProgressAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    /// <summary>Times the chunk was put back to wait after its immediate retries were spent on a transient failure.</summary>
    public int Redeliveries { get; set; }
    /// <summary>A pending chunk is not dispatched before this time (delayed redelivery, a provider's Retry-After).</summary>
    public DateTime? NotBefore { get; set; }
    public int Version { get; set; }
}
