using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Collectors.Core;

namespace InvestmentPlatform.Api.Collectors;

public sealed record CollectorDto(
    string Name,
    string DisplayName,
    IReadOnlyList<string> AssetTypes,
    IReadOnlyList<string> Intervals,
    IReadOnlyDictionary<string, int?> HistoryLimitDays,
    IReadOnlyDictionary<string, int?> MaxWindowDays,
    IReadOnlyList<CollectorParameterDto> Parameters,
    bool IsSynthetic)
{
    public static CollectorDto From(SourceDescriptor d) => new(
        d.Name, d.DisplayName, d.AssetTypes, d.Intervals, d.HistoryLimitDays, d.MaxWindowDays,
        d.Parameters.Select(p => new CollectorParameterDto(p.Name, p.Description, p.Required)).ToList(), d.IsSynthetic);
}

public sealed record CollectorParameterDto(string Name, string Description, bool Required);
