namespace InvestmentPlatform.Contracts.Ingestion;

/// <summary>v1. A request was cancelled: no more chunks are sent, and results of chunks in flight are dropped.</summary>
/// <param name="RequestId">The request.</param>
/// <param name="JobId">Scheduler job, if any.</param>
/// <param name="RunId">Scheduler run, if any.</param>
/// <param name="Reason">Who or what cancelled it.</param>
/// <param name="CancelledAt">When, UTC.</param>
public record CollectionCancelled(
    Guid RequestId,
    Guid? JobId,
    Guid? RunId,
    string Reason,
    DateTime CancelledAt);
