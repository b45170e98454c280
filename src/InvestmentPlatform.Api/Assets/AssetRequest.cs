using InvestmentPlatform.Contracts.Ingestion;
using System.Text.Json;
using InvestmentPlatform.Collectors.Core;
using InvestmentPlatform.Data.Assets;

namespace InvestmentPlatform.Api.Assets;

/// <summary>Body of POST and PUT /api/assets; a PUT must carry the <c>version</c> it read.</summary>
public sealed record AssetRequest(
    string? Symbol,
    string? Name,
    string? AssetType,
    string? Currency,
    string? Exchange,
    string? Source,
    Dictionary<string, string>? Metadata,
    int? Version = null)
{
    public const int MaxSymbolLength = 64;

    /// <returns>400 field errors (missing or malformed fields).</returns>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Symbol))
            errors["symbol"] = ["symbol is required."];
        else if (Symbol.Trim().Length > MaxSymbolLength || Symbol.Any(char.IsWhiteSpace))
            errors["symbol"] = [$"symbol must be at most {MaxSymbolLength} characters without spaces."];
        if (string.IsNullOrWhiteSpace(AssetType))
            errors["assetType"] = ["assetType is required."];
        else if (!AssetTypes.IsKnown(AssetType))
            errors["assetType"] = [$"assetType '{AssetType}' is not known: use {string.Join(", ", AssetTypes.All)}."];
        if (string.IsNullOrWhiteSpace(Source))
            errors["source"] = ["source is required."];
        if (Currency is { Length: > 8 })
            errors["currency"] = ["currency must be at most 8 characters."];
        if (Name is { Length: > 256 })
            errors["name"] = ["name must be at most 256 characters."];
        return errors;
    }

    /// <returns>A 422 message when the source is not a registered collector, otherwise null.</returns>
    public string? CheckSource(ICollectorRegistry registry) =>
        registry.TryGet(Source!, out _)
            ? null
            : registry.Sources.Count == 0
                ? $"source '{Source}' is not a registered collector: no collectors are registered."
                : $"source '{Source}' is not a registered collector: use {string.Join(", ", registry.Sources.Select(s => s.Name).Order())}.";

    public void ApplyTo(Asset asset, DateTime now)
    {
        asset.Name = Name;
        asset.AssetType = AssetType!;
        asset.Currency = Currency;
        asset.Exchange = Exchange;
        asset.Source = Source!.Trim().ToLowerInvariant();
        asset.Metadata = JsonSerializer.Serialize(Metadata ?? new Dictionary<string, string>());
        asset.UpdatedAt = now;
    }
}
