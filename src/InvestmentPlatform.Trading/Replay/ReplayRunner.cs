using InvestmentPlatform.Analytics;
using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Series;
using InvestmentPlatform.Data.Trading;
using InvestmentPlatform.Trading.Fills;
using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.Trading.Replay;

/// <summary>What a stored replay runs on: the account's terms, each symbol's bars and corporate actions, and its orders.</summary>
public sealed class ReplayRunner(PlatformDbContext db)
{
    /// <exception cref="AnalyticsException">The account or an asset is gone since the replay was asked for.</exception>
    public async Task<(ReplayAccount Terms, IReadOnlyList<ReplaySymbol> Symbols, IReadOnlyList<ReplayOrder> Orders)> PrepareAsync(
        PaperReplay row, CancellationToken ct)
    {
        var request = ReplayJobs.ReadRequest(row);
        var account = await db.PaperAccounts.AsNoTracking().FirstOrDefaultAsync(a => a.PortfolioId == row.AccountId, ct);
        var portfolio = await db.Portfolios.AsNoTracking().FirstOrDefaultAsync(p => p.Id == row.AccountId, ct);
        if (account is null || portfolio is null)
            throw AnalyticsException.NotFound("id", $"Paper account {row.AccountId} no longer exists.");
        var terms = new ReplayAccount(request.StartingCash,
            new FillCosts(account.FeePerUnit, account.FeeRate, account.FeeMinimum, account.SlippageBps, account.ParticipationRate),
            portfolio.AllowShort, account.MarginEnabled, account.Leverage, account.MaxPositionFraction, account.MaxOrderNotional);
        return (terms, await LoadAsync(request, account.Interval, ct), request.Orders);
    }

    /// <summary>Each symbol's bars in the range, the close before it (to check orders placed before the first bar) and its corporate actions.</summary>
    private async Task<IReadOnlyList<ReplaySymbol>> LoadAsync(ReplayJobs.StoredRequest request, string interval, CancellationToken ct)
    {
        var names = request.Orders.Select(o => o.Symbol).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var assets = await db.Assets.AsNoTracking().Where(a => names.Contains(a.Symbol)).ToListAsync(ct);
        var symbols = new List<ReplaySymbol>(names.Count);
        foreach (var name in names)
        {
            var asset = assets.FirstOrDefault(a => a.Symbol == name)
                        ?? throw AnalyticsException.NotFound("symbol", $"No asset with symbol '{name}' (it was removed after the replay was asked for).");
            var bars = await db.MarketData.AsNoTracking()
                .Where(b => b.AssetId == asset.AssetId && b.Interval == interval && b.Time >= request.From && b.Time <= request.To)
                .OrderBy(b => b.Time).Select(b => new FillBar(b.Time, b.Open, b.High, b.Low, b.Close, b.Volume)).ToListAsync(ct);
            var prior = await db.MarketData.AsNoTracking()
                .Where(b => b.AssetId == asset.AssetId && b.Interval == interval && b.Time < request.From)
                .OrderByDescending(b => b.Time).Select(b => (double?)b.Close).FirstOrDefaultAsync(ct);
            // A replay starts with no positions and no orders: actions up to its start change nothing.
            var actions = (await StoredCorporateActions.ReadAsync(db, asset.AssetId, request.From, request.To, ct)).Where(a => a.Date > request.From).ToList();
            symbols.Add(new ReplaySymbol(name, asset.AssetType == AssetTypes.Crypto, bars, prior, actions));
        }
        return symbols;
    }
}
