using InvestmentPlatform.Contracts.Ingestion;

namespace InvestmentPlatform.Collectors.Core;

/// <summary>
/// Validated rows in ascending time order, the rows validation rejected with their reasons, and the published values
/// (vintages) of the rows' observations where the source keeps revisions.
/// </summary>
public sealed record CollectedBatch(
    AssetDescription Asset,
    IReadOnlyList<SeriesRow> Rows,
    IReadOnlyList<RejectedRow> Rejected,
    IReadOnlyList<SeriesVintage>? Vintages = null);
