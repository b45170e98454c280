using System.Text.Json;
using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Data.Ingestion;

namespace InvestmentPlatform.Ingestion.Outcomes;

/// <summary>What a request's events carry about it, so their subscribers need not read it back.</summary>
public static class RequestEvents
{
    /// <param name="request">The request.</param>
    /// <param name="storedTypes">The stored asset type of each of the request's symbols that is stored.</param>
    /// <param name="symbol">The symbol the event names, when it names one.</param>
    public static RequestRouting Routing(this IngestionRequest request, IReadOnlyDictionary<string, string>? storedTypes = null, string? symbol = null)
    {
        IReadOnlyList<string> symbols = symbol is not null
            ? [symbol]
            : JsonSerializer.Deserialize<List<string>>(request.Symbols) ?? [];
        var symbolType = symbol is null ? null : storedTypes?.GetValueOrDefault(symbol);
        List<string> types = symbolType is not null ? [symbolType]
            : request.AssetType is { } requested ? [requested]
            : symbols.Select(s => storedTypes?.GetValueOrDefault(s)).OfType<string>().Distinct().ToList();
        return new(request.RequestedBy, symbolType ?? request.AssetType, symbols, types);
    }

    /// <summary>The whole request failed: the reason, and its counts as they stand.</summary>
    public static CollectionFailed Failed(this IngestionRequest request, ErrorClass error, string reason, DateTime at,
        IReadOnlyDictionary<string, string>? storedTypes = null) =>
        new(request.Id, request.JobId, request.RunId, null, error, reason, at, request.Routing(storedTypes),
            request.ChunksDone, request.ChunksTotal, request.RecordsCollected, request.RecordsLoaded);
}
