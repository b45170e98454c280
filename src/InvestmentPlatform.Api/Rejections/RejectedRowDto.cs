using InvestmentPlatform.Data.Ingestion;

namespace InvestmentPlatform.Api.Rejections;

/// <summary>A row a collector refused: where it came from, its values as received and why.</summary>
/// <param name="Time">The row's time, when it could be read.</param>
/// <param name="Line">Line of the uploaded file (CSV), when there is one.</param>
/// <param name="Raw">The row's text as received, for sources that send text.</param>
/// <param name="RecordedAt">When the row was stored, with the part of the collection that carried it.</param>
public sealed record RejectedRowDto(
    long Id,
    Guid RequestId,
    Guid ChunkId,
    string Symbol,
    string Source,
    string Interval,
    DateTime? Time,
    int? Line,
    double? Open,
    double? High,
    double? Low,
    double? Close,
    double? Volume,
    string? Raw,
    string Reason,
    DateTime RecordedAt)
{
    public static RejectedRowDto From(IngestionRejection r) => new(
        r.Id, r.RequestId, r.ChunkId, r.Symbol, r.Source, r.Interval, r.Time, r.Line, r.Open, r.High, r.Low, r.Close,
        r.Volume, r.Raw, r.Reason, r.RecordedAt);
}
