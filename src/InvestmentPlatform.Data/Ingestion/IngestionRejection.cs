namespace InvestmentPlatform.Data.Ingestion;

/// <summary>
/// A row a collector refused, kept with its reason and its values as received. Unique per (chunk, ordinal): the
/// ordinal is the row's place among the chunk's rejected rows, so a part loaded again stores nothing twice. Only the
/// first rows of each chunk are kept (Ingestion:RejectedRowsKeptPerChunk); the chunk's count covers them all.
/// </summary>
public class IngestionRejection
{
    public const int MaxReasonLength = 500;
    public const int MaxRawLength = 500;

    public long Id { get; set; }
    public Guid RequestId { get; set; }
    public Guid ChunkId { get; set; }
    /// <summary>0-based place of the row among the rejected rows of its chunk.</summary>
    public int Ordinal { get; set; }
    public long AssetId { get; set; }
    public required string Symbol { get; set; }
    public required string Source { get; set; }
    public required string Interval { get; set; }
    /// <summary>The row's time, when it could be read.</summary>
    public DateTime? Time { get; set; }
    /// <summary>Line of the source file (CSV), when there is one.</summary>
    public int? Line { get; set; }
    public double? Open { get; set; }
    public double? High { get; set; }
    public double? Low { get; set; }
    public double? Close { get; set; }
    public double? Volume { get; set; }
    /// <summary>The row's text as received, for sources that send text.</summary>
    public string? Raw { get; set; }
    public required string Reason { get; set; }
    /// <summary>When the part that carried the row was loaded.</summary>
    public DateTime RecordedAt { get; set; }
}
