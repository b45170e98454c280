using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Assets;
using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.Ingestion.Assets;

/// <summary>
/// Registers a symbol on first sight with what its provider says about it. An asset registered before (by a person, or
/// by a provider that did not say) learns the decimals its prices are quoted in when a provider first says them.
/// </summary>
public sealed class AssetRegistrar(PlatformDbContext db, TimeProvider clock)
{
    public sealed record RegisteredAsset(long AssetId, string AssetType);

    public async Task<RegisteredAsset> EnsureAsync(AssetDescription description, string assetType, CancellationToken ct)
    {
        var existing = await FindAsync(description.Symbol, ct);
        if (existing is not null)
        {
            await LearnPriceDecimalsAsync(existing, description, ct);
            return new RegisteredAsset(existing.AssetId, existing.AssetType);
        }

        // Loaders of the same new symbol race here; the unique symbol index decides, without an error to log.
        // PostgreSQL keeps metadata as jsonb and takes the text parameter only through a cast.
        var metadata = db.Provider == DatabaseProvider.Postgres ? "CAST({6} AS jsonb)" : "{6}";
        var symbol = description.Symbol;
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Database.ExecuteSqlAsync(FormattableStringFactory.Create(InsertSql.Replace("{metadata}", metadata),
            symbol, description.Name, assetType, description.Currency, description.Exchange, description.Source,
            JsonSerializer.Serialize(description.Metadata), now), ct);
        var registered = await FindAsync(symbol, ct)
                         ?? throw new InvalidOperationException($"Asset {description.Symbol} could not be registered.");
        return new RegisteredAsset(registered.AssetId, registered.AssetType);
    }

    private async Task LearnPriceDecimalsAsync(Found existing, AssetDescription description, CancellationToken ct)
    {
        if (AssetMetadata.PriceDecimalsIn(description.Metadata) is not { } decimals)
            return;
        var stored = JsonNode.Parse(string.IsNullOrWhiteSpace(existing.Metadata) ? "{}" : existing.Metadata) as JsonObject ?? [];
        var text = decimals.ToString(CultureInfo.InvariantCulture);
        if (stored[AssetMetadata.PriceDecimals] is JsonValue known && known.TryGetValue<string>(out var was) && was == text)
            return;
        stored[AssetMetadata.PriceDecimals] = text;
        var metadata = stored.ToJsonString();
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Assets.Where(a => a.AssetId == existing.AssetId)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.Metadata, metadata).SetProperty(a => a.UpdatedAt, now)
                .SetProperty(a => a.Version, a => a.Version + 1), ct); // an edit form opened before this answers "changed meanwhile"
    }

    private const string InsertSql = """
        INSERT INTO assets (symbol, name, asset_type, currency, exchange, source, metadata, created_at, updated_at)
        VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {metadata}, {7}, {7})
        ON CONFLICT (symbol) DO NOTHING
        """;

    private sealed record Found(long AssetId, string AssetType, string Metadata);

    private Task<Found?> FindAsync(string symbol, CancellationToken ct) =>
        db.Assets.AsNoTracking().Where(a => a.Symbol == symbol)
            .Select(a => new Found(a.AssetId, a.AssetType, a.Metadata)).FirstOrDefaultAsync(ct)!;
}
