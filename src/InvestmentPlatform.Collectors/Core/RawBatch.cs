using InvestmentPlatform.Contracts.Ingestion;

namespace InvestmentPlatform.Collectors.Core;

/// <summary>
/// Rows as a source parsed them, before validation; rows the parser could not read are already rejected. A source
/// that keeps revisions gives every published value of the rows' observations as vintages.
/// </summary>
public sealed record RawBatch(
    AssetDescription Asset,
    IReadOnlyList<SeriesRow> Rows,
    IReadOnlyList<RejectedRow>? Unreadable = null,
    IReadOnlyList<SeriesVintage>? Vintages = null);
