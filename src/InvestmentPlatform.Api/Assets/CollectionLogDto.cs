using InvestmentPlatform.Data.Ingestion;

namespace InvestmentPlatform.Api.Assets;

public sealed record CollectionLogDto(
    long Id,
    Guid RequestId,
    Guid? JobId,
    Guid? RunId,
    string Source,
    string Interval,
    string Status,
    long RecordsCollected,
    long RecordsLoaded,
    long RecordsRejected,
    DateTime StartedAt,
    DateTime? FinishedAt,
    double? DurationMs,
    string? ErrorClass,
    string? ErrorMessage)
{
    public static CollectionLogDto From(DataCollectionLog l) => new(
        l.Id, l.RequestId, l.JobId, l.RunId, l.Source, l.Interval, l.Status, l.RecordsCollected, l.RecordsLoaded,
        l.RecordsRejected, l.StartedAt, l.FinishedAt, l.DurationMs,
        l.ErrorClass, l.ErrorMessage);
}
