using InvestmentPlatform.Contracts.Ingestion;
namespace InvestmentPlatform.Collectors.Core;

/// <summary>What a source offers; served by /api/collectors and used to validate requests.</summary>
/// <param name="Name">Identifier used in requests: yahoo, coinbase, fred, csv, synthetic.</param>
/// <param name="DisplayName">Human name.</param>
/// <param name="AssetTypes">Asset types the source serves.</param>
/// <param name="Intervals">Intervals the source serves.</param>
/// <param name="HistoryLimitDays">Per interval, how far back the provider serves data (null: unlimited).</param>
/// <param name="MaxWindowDays">Per interval, the longest range one provider request may span (null: unlimited).</param>
/// <param name="Parameters">Options the source takes.</param>
/// <param name="IsSynthetic">True for generated data, which is labelled as such wherever shown.</param>
/// <param name="OneChunkPerSymbol">The source reads its whole input at once (a file): each symbol is planned as one chunk.</param>
public sealed record SourceDescriptor(
    string Name,
    string DisplayName,
    IReadOnlyList<string> AssetTypes,
    IReadOnlyList<string> Intervals,
    IReadOnlyDictionary<string, int?> HistoryLimitDays,
    IReadOnlyDictionary<string, int?> MaxWindowDays,
    IReadOnlyList<SourceParameter> Parameters,
    bool IsSynthetic = false,
    bool OneChunkPerSymbol = false)
{
    public bool Supports(string interval) => Intervals.Contains(interval);
}

/// <param name="Name">Option key.</param>
/// <param name="Description">What it does.</param>
/// <param name="Required">Whether a request must supply it.</param>
public sealed record SourceParameter(string Name, string Description, bool Required = false);
