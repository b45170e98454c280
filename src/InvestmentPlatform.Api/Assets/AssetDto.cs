using System.Text.Json;
using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Data.Assets;

namespace InvestmentPlatform.Api.Assets;

public sealed record AssetDto(
    long AssetId,
    string Symbol,
    string? Name,
    string AssetType,
    string? Currency,
    string? Exchange,
    string Source,
    IReadOnlyDictionary<string, string> Metadata,
    bool IsSynthetic,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    int Version)
{
    public static AssetDto From(Asset a) => new(
        a.AssetId, a.Symbol, a.Name, a.AssetType, a.Currency, a.Exchange, a.Source, ReadMetadata(a.Metadata),
        IsSyntheticSource(a.Source), a.CreatedAt, a.UpdatedAt, a.Version);

    public static bool IsSyntheticSource(string source) => string.Equals(source, "synthetic", StringComparison.OrdinalIgnoreCase);

    /// <summary>Decimals the asset's prices are quoted in, when a provider said (<see cref="AssetMetadata.PriceDecimals"/>).</summary>
    public static int? PriceDecimals(Asset a) => AssetMetadata.PriceDecimalsIn(ReadMetadata(a.Metadata));

    /// <summary>Metadata values may be numbers or objects in provider JSON; the API shows every value as text.</summary>
    internal static IReadOnlyDictionary<string, string> ReadMetadata(string? json)
    {
        var result = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(json))
            return result;
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                return result;
            foreach (var p in doc.RootElement.EnumerateObject())
                result[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText();
        }
        catch (JsonException)
        {
        }
        return result;
    }
}
