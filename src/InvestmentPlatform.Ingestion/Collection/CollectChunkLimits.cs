namespace InvestmentPlatform.Ingestion.Collection;

public static class CollectChunkLimits
{
    /// <summary>Parts of one chunk are tracked as bits of an int; bit 30 marks that the last part was seen.</summary>
    public const int MaxParts = 30;
}
