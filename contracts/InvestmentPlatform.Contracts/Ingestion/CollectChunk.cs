namespace InvestmentPlatform.Contracts.Ingestion;

/// <summary>v1. Command to one source's collector endpoint: collect one symbol over one window.</summary>
/// <param name="RequestId">The request this chunk belongs to.</param>
/// <param name="ChunkId">Identity of the chunk, stable across redeliveries.</param>
/// <param name="Source">Source that must serve the chunk.</param>
/// <param name="Symbol">Provider symbol.</param>
/// <param name="AssetType">Asset type, when known.</param>
/// <param name="Interval">Bar interval.</param>
/// <param name="From">Inclusive start, UTC.</param>
/// <param name="To">Exclusive end, UTC.</param>
/// <param name="Options">Source-specific options (for example the CSV file path or the synthetic seed).</param>
public record CollectChunk(
    Guid RequestId,
    Guid ChunkId,
    string Source,
    string Symbol,
    string? AssetType,
    string Interval,
    DateTime From,
    DateTime To,
    IReadOnlyDictionary<string, string>? Options = null);
