using System.Runtime.CompilerServices;
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
        // PostgreSQL keeps metadata as jsonb and takes the text parameter only through a cast.
        var metadata = db.Provider == DatabaseProvider.Postgres ? "CAST({6} AS jsonb)" : "{6}";
        var symbol = description.Symbol;
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Database.ExecuteSqlAsync(FormattableStringFactory.Create(InsertSql.Replace("{metadata}", metadata),
            symbol, description.Name, assetType, description.Currency, description.Exchange, description.Source,
            JsonSerializer.Serialize(description.Metadata), now), ct);
        return await FindAsync(symbol, ct)
               ?? throw new InvalidOperationException($"Asset {description.Symbol} could not be registered.");
    }

    private const string InsertSql = """
        INSERT INTO assets (symbol, name, asset_type, currency, exchange, source, metadata, created_at, updated_at)
        VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {metadata}, {7}, {7})
        ON CONFLICT (symbol) DO NOTHING
        """;

    private Task<RegisteredAsset?> FindAsync(string symbol, CancellationToken ct) =>
        db.Assets.AsNoTracking().Where(a => a.Symbol == symbol)
            .Select(a => new RegisteredAsset(a.AssetId, a.AssetType)).FirstOrDefaultAsync(ct)!;
}
