using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Assets;
using InvestmentPlatform.Data.Series;

namespace InvestmentPlatform.Api.MarketData;

/// <summary>A dividend or split of one asset on one day (ex-date), as the stored bars carry it.</summary>
/// <param name="Date">The day, 00:00 UTC.</param>
/// <param name="Dividend">Cash per share, or null when none was paid that day.</param>
/// <param name="Split">New shares per old share (4 for a 4-for-1 split), or null when there was no split.</param>
public sealed record CorporateActionDto(DateTime Date, double? Dividend, double? Split);

public static class CorporateActions
{
    /// <summary>
    /// The asset's dividends and splits between <paramref name="from"/> and <paramref name="to"/> (inclusive), oldest
    /// first. Series without corporate actions (rates, yields, economic values) have none.
    /// </summary>
    public static async Task<IReadOnlyList<CorporateActionDto>> ReadAsync(
        PlatformDbContext db, Asset asset, DateTime? from, DateTime? to, CancellationToken ct)
    {
        if (!BarColumns.For(asset.AssetType).HasEvents)
            return [];
        var actions = await StoredCorporateActions.ReadAsync(db, asset.AssetId, from, to, ct);
        return actions.Select(a => new CorporateActionDto(a.Date, a.Dividend, a.Split)).ToList();
    }
}
