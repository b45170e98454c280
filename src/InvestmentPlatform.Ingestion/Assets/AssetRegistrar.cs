using System.Text.Json;
using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Assets;
using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.Ingestion.Assets;

/// <summary>Registers a symbol on first sight with what its provider says about it.</summary>
public sealed class AssetRegistrar(PlatformDbContext db, TimeProvider clock)
{
    public sealed record RegisteredAsset(long AssetId, string AssetType);

    public async Task<RegisteredAsset> EnsureAsync(AssetDescription description, string assetType, CancellationToken ct)
    {
        var existing = await FindAsync(description.Symbol, ct);
        if (existing is not null)
            return existing;

        // Loaders of the same new symbol race here; the unique symbol index decides, without an error to log.
        var (symbol, name, currency, exchange, source) =
            (description.Symbol, description.Name, description.Currency, description.Exchange, description.Source);
        var metadata = JsonSerializer.Serialize(description.Metadata);
        var now = clock.GetUtcNow().UtcDateTime;
        await (db.Provider == DatabaseProvider.Postgres
            ? db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO assets (symbol, name, asset_type, currency, exchange, source, metadata, created_at, updated_at)
                VALUES ({symbol}, {name}, {assetType}, {currency}, {exchange}, {source}, CAST({metadata} AS jsonb), {now}, {now})
                ON CONFLICT (symbol) DO NOTHING
                """, ct)
            : db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO assets (symbol, name, asset_type, currency, exchange, source, metadata, created_at, updated_at)
                VALUES ({symbol}, {name}, {assetType}, {currency}, {exchange}, {source}, {metadata}, {now}, {now})
                ON CONFLICT (symbol) DO NOTHING
                """, ct));
        return await FindAsync(symbol, ct)
               ?? throw new InvalidOperationException($"Asset {description.Symbol} could not be registered.");
    }

    private Task<RegisteredAsset?> FindAsync(string symbol, CancellationToken ct) =>
        db.Assets.AsNoTracking().Where(a => a.Symbol == symbol)
            .Select(a => new RegisteredAsset(a.AssetId, a.AssetType)).FirstOrDefaultAsync(ct)!;
}
