using InvestmentPlatform.Contracts.Ingestion;

namespace InvestmentPlatform.Collectors.Core;

/// <summary>Validated rows in ascending time order, and the rows validation rejected with their reasons.</summary>
public sealed record CollectedBatch(
    AssetDescription Asset,
    IReadOnlyList<SeriesRow> Rows,
    IReadOnlyList<RejectedRow> Rejected);
