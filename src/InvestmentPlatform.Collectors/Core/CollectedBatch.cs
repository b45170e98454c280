using InvestmentPlatform.Contracts.Ingestion;

namespace InvestmentPlatform.Collectors.Core;

/// <summary>Validated rows in ascending time order, and the rows validation rejected with their reasons.</summary>
public sealed record CollectedBatch(
    AssetDescription Asset,
    IReadOnlyList<SeriesRow> Rows,
    IReadOnlyList<RejectedRow> Rejected);

/// <param name="Time">Time of the row, when it could be read.</param>
/// <param name="Line">Line number in the source file (CSV), when there is one.</param>
/// <param name="Reason">Why the row was rejected.</param>
public sealed record RejectedRow(DateTime? Time, int? Line, string Reason);
