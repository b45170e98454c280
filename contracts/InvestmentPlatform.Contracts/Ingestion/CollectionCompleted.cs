namespace InvestmentPlatform.Contracts.Ingestion;

/// <summary>
/// v1.3. A request finished; some symbols may have failed (see <paramref name="FailedSymbols"/>). v1.1 adds
/// <paramref name="Status"/> and <paramref name="ChunksTotal"/>, v1.2 <paramref name="Routing"/>, so subscribers need not read the request back, v1.3 the routing's Symbols and AssetTypes.
/// </summary>
/// <param name="RequestId">The request.</param>
/// <param name="JobId">Scheduler job, if any.</param>
/// <param name="RunId">Scheduler run, if any.</param>
/// <param name="RecordsCollected">Rows received from the source.</param>
/// <param name="RecordsLoaded">Rows written to the database.</param>
/// <param name="RecordsRejected">Rows dropped by validation.</param>
/// <param name="FailedSymbols">Symbols that failed, empty when all succeeded.</param>
/// <param name="DurationMs">Wall time from request to completion.</param>
/// <param name="CompletedAt">When the request completed, UTC.</param>
/// <param name="Status"><see cref="IngestionStatuses.Succeeded"/> or <see cref="IngestionStatuses.PartiallySucceeded"/>.</param>
/// <param name="ChunksTotal">Chunks the request was planned into, all of them done.</param>
/// <param name="Routing">v1.2: who may see the request's events and under which asset type.</param>
public record CollectionCompleted(
    Guid RequestId,
    Guid? JobId,
    Guid? RunId,
    long RecordsCollected,
    long RecordsLoaded,
    long RecordsRejected,
    IReadOnlyList<string> FailedSymbols,
    double DurationMs,
    DateTime CompletedAt,
    string Status = IngestionStatuses.Succeeded,
    int ChunksTotal = 0,
    RequestRouting? Routing = null);
