namespace InvestmentPlatform.Ingestion.Collection;

public static class CollectChunkLimits
{
    /// <summary>Parts of one chunk are tracked as bits of an int; bit 30 marks that the last part was seen.</summary>
    public const int MaxParts = 30;

    /// <summary>
    /// Waits between the immediate retries of a chunk on a collector endpoint; when they are spent, a transient failure
    /// becomes a delayed redelivery (ChunkRedelivery).
    /// </summary>
    public static readonly TimeSpan[] ImmediateRetryIntervals =
        [TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3)];
}
