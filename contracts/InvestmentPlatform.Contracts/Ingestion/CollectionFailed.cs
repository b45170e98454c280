namespace InvestmentPlatform.Contracts.Ingestion;

/// <summary>
/// v1.2. A request (or every symbol in it) failed. v1.2 adds the routing's Symbols and AssetTypes; v1.1 adds <paramref name="Routing"/> and, when the whole request
/// failed, its counts at the end, so subscribers need not read the request back.
/// </summary>
/// <param name="RequestId">The request.</param>
/// <param name="JobId">Scheduler job, if any.</param>
/// <param name="RunId">Scheduler run, if any.</param>
/// <param name="Symbol">The failing symbol, or null when the whole request failed.</param>
/// <param name="ErrorClass">Failure class.</param>
/// <param name="Message">The provider's own message or the platform's reason.</param>
/// <param name="FailedAt">When the failure was recorded, UTC.</param>
/// <param name="Routing">v1.1: who may see the request's events and under which asset type.</param>
/// <param name="ChunksDone">v1.1: chunks finished when the request failed; null for one symbol's failure.</param>
/// <param name="ChunksTotal">v1.1: chunks in the request; null for one symbol's failure.</param>
/// <param name="RecordsCollected">v1.1: rows collected before the request failed; null for one symbol's failure.</param>
/// <param name="RecordsLoaded">v1.1: rows loaded before the request failed; null for one symbol's failure.</param>
public record CollectionFailed(
    Guid RequestId,
    Guid? JobId,
    Guid? RunId,
    string? Symbol,
    ErrorClass ErrorClass,
    string Message,
    DateTime FailedAt,
    RequestRouting? Routing = null,
    int? ChunksDone = null,
    int? ChunksTotal = null,
    long? RecordsCollected = null,
    long? RecordsLoaded = null);
