namespace InvestmentPlatform.Contracts.Ingestion;

/// <summary>
/// v1. Rows of one series were committed: the loader publishes this through the outbox in the same transaction as
/// the rows, once per loaded part, so a subscriber that sees it can read the rows back. A part delivered twice is
/// loaded once and announced once. Rows rewritten with the same values still count as changed.
/// </summary>
/// <param name="AssetId">The asset's id in the platform.</param>
/// <param name="Symbol">The asset's symbol.</param>
/// <param name="AssetType">The asset's type, which names its series table.</param>
/// <param name="Interval">Bar interval of the series.</param>
/// <param name="From">Time of the first row written (UTC, inclusive).</param>
/// <param name="To">Time of the last row written (UTC, inclusive).</param>
/// <param name="Rows">Distinct rows written.</param>
/// <param name="LastBar">The series' newest row after this load: the new last bar when the load reached the end, the unchanged one for a backfill.</param>
/// <param name="Source">The source the rows came from.</param>
/// <param name="RequestId">The collection request that brought the rows.</param>
/// <param name="UpdatedAt">When the load committed, UTC.</param>
public record SeriesUpdated(
    long AssetId,
    string Symbol,
    string AssetType,
    string Interval,
    DateTime From,
    DateTime To,
    int Rows,
    SeriesRow LastBar,
    string Source,
    Guid RequestId,
    DateTime UpdatedAt);
