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

        var now = clock.GetUtcNow().UtcDateTime;
        db.Assets.Add(new Asset
        {
            Symbol = description.Symbol,
            Name = description.Name,
            AssetType = assetType,
            Currency = description.Currency,
            Exchange = description.Exchange,
            Source = description.Source,
            Metadata = JsonSerializer.Serialize(description.Metadata),
            CreatedAt = now,
            UpdatedAt = now,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another loader registered it at the same moment; the unique symbol index decided.
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
        return await FindAsync(description.Symbol, ct)
               ?? throw new InvalidOperationException($"Asset {description.Symbol} could not be registered.");
    }

    private Task<RegisteredAsset?> FindAsync(string symbol, CancellationToken ct) =>
        db.Assets.AsNoTracking().Where(a => a.Symbol == symbol)
            .Select(a => new RegisteredAsset(a.AssetId, a.AssetType)).FirstOrDefaultAsync(ct)!;
}
