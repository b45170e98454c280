namespace InvestmentPlatform.Contracts.Ingestion;

/// <summary>v1.2. Progress of a running request, published as chunks finish. v1.1 adds <paramref name="Routing"/>, v1.2 its Symbols and AssetTypes.</summary>
/// <param name="RequestId">The request.</param>
/// <param name="JobId">Scheduler job, if any.</param>
/// <param name="RunId">Scheduler run, if any.</param>
/// <param name="Symbol">Symbol whose chunk just finished.</param>
/// <param name="ChunksDone">Chunks finished so far, over all symbols.</param>
/// <param name="ChunksTotal">Chunks in the request.</param>
/// <param name="RecordsCollected">Rows collected so far.</param>
/// <param name="RecordsLoaded">Rows loaded so far.</param>
/// <param name="Timestamp">When the progress was observed, UTC.</param>
/// <param name="Routing">v1.1: who may see the request's events and under which asset type.</param>
public record CollectionProgress(
    Guid RequestId,
    Guid? JobId,
    Guid? RunId,
    string Symbol,
    int ChunksDone,
    int ChunksTotal,
    long RecordsCollected,
    long RecordsLoaded,
    DateTime Timestamp,
    RequestRouting? Routing = null);
