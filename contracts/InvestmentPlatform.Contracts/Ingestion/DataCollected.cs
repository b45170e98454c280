namespace InvestmentPlatform.Contracts.Ingestion;

/// <summary>
/// v2. Validated rows for one asset and one part of a chunk. Rows per message are bounded
/// (at most <see cref="MaxRows"/>), so a long range arrives as several messages with increasing <paramref name="Part"/>.
/// v2 carries the rows as a <see cref="SeriesRowBlock"/> instead of v1's list of row objects (changed before the first release);
/// v2.1 adds <paramref name="Rejected"/> and <paramref name="FirstRejectedIndex"/> (absent: nothing is kept);
/// v2.2 adds <paramref name="Vintages"/> (absent: the source keeps no revisions).
/// </summary>
/// <param name="RequestId">The request the rows answer.</param>
/// <param name="ChunkId">The chunk the rows belong to.</param>
/// <param name="Part">0-based index of this message within the chunk.</param>
/// <param name="IsLastPart">True on the chunk's final message.</param>
/// <param name="Source">Source the rows came from.</param>
/// <param name="Symbol">Provider symbol.</param>
/// <param name="AssetType">Asset type, which selects the destination table.</param>
/// <param name="Interval">Bar interval.</param>
/// <param name="Asset">What the provider said about the asset (currency, exchange, metadata).</param>
/// <param name="Rows">Validated rows in ascending time order; <see cref="SeriesRowBlock.ToRows"/> reads them.</param>
/// <param name="RejectedCount">Rows dropped by validation in this part.</param>
/// <param name="Rejected">
/// The rows of <paramref name="RejectedCount"/> that are kept with their reasons: the chunk's first ones, up to the
/// platform's bound per chunk, so fewer than the count or none at all once the bound is reached.
/// </param>
/// <param name="FirstRejectedIndex">Place of <paramref name="Rejected"/>[0] among the chunk's rejected rows (0-based).</param>
/// <param name="Vintages">
/// Every published value of the chunk's observations, for sources that keep revisions (FRED); each vintage travels in
/// one part of its chunk, not necessarily the part that carries its row.
/// </param>
public record DataCollected(
    Guid RequestId,
    Guid ChunkId,
    int Part,
    bool IsLastPart,
    string Source,
    string Symbol,
    string AssetType,
    string Interval,
    AssetDescription Asset,
    SeriesRowBlock Rows,
    int RejectedCount,
    IReadOnlyList<RejectedRow>? Rejected = null,
    int FirstRejectedIndex = 0,
    IReadOnlyList<SeriesVintage>? Vintages = null)
{
    /// <summary>Most rows in one message: the bound on collectors' batches and on the loader's transactions alike.</summary>
    public const int MaxRows = 5_000;
}
