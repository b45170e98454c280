namespace InvestmentPlatform.Contracts.Ingestion;

/// <summary>v1. The loader wrote (or the collector failed) one chunk; the coordinator tallies these.</summary>
/// <param name="RequestId">The request.</param>
/// <param name="ChunkId">The chunk.</param>
/// <param name="Symbol">Symbol of the chunk.</param>
/// <param name="RecordsCollected">Rows received for the chunk.</param>
/// <param name="RecordsLoaded">Rows written for the chunk.</param>
/// <param name="RecordsRejected">Rows dropped by validation.</param>
/// <param name="ErrorClass">Failure class when the chunk failed, otherwise null.</param>
/// <param name="ErrorMessage">Failure message when the chunk failed, otherwise null.</param>
public record ChunkFinished(
    Guid RequestId,
    Guid ChunkId,
    string Symbol,
    long RecordsCollected,
    long RecordsLoaded,
    long RecordsRejected,
    ErrorClass? ErrorClass,
    string? ErrorMessage);
