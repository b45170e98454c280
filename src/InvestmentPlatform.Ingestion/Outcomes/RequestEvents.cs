using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Data.Ingestion;

namespace InvestmentPlatform.Ingestion.Outcomes;

/// <summary>What a request's events carry about it, so their subscribers need not read it back.</summary>
public static class RequestEvents
{
    /// <param name="request">The request.</param>
    /// <param name="symbolAssetType">The stored type of the symbol the event names, when it names one.</param>
    public static RequestRouting Routing(this IngestionRequest request, string? symbolAssetType = null) =>
        new(request.RequestedBy, symbolAssetType ?? request.AssetType);

    /// <summary>The whole request failed: the reason, and its counts as they stand.</summary>
    public static CollectionFailed Failed(this IngestionRequest request, ErrorClass error, string reason, DateTime at) =>
        new(request.Id, request.JobId, request.RunId, null, error, reason, at, request.Routing(),
            request.ChunksDone, request.ChunksTotal, request.RecordsCollected, request.RecordsLoaded);
}
