using InvestmentPlatform.Analytics.Currencies;
using InvestmentPlatform.Analytics.Portfolio;
using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Portfolio;
using InvestmentPlatform.Data.Series;
using InvestmentPlatform.Data.Trading;
using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.Trading.CorporateActions;

public static class CorporateActionKinds
{
    public const string Split = "split";
    public const string Dividend = "dividend";
}

/// <summary>
/// Applies an asset's stored splits and dividends to the paper accounts that hold it, as portfolio transactions the
/// portfolio engine already understands: a split transaction (its ratio multiplies the lots held at the ex-date), and
/// a dividend of cash per share × units held at the start of the ex-date (negative when short: the short pays it).
/// Each (account, asset, ex-date, kind) is a unique row saved with its transaction, so it applies once however often
/// the bars are announced and however many workers see them.
/// </summary>
public sealed class AccountCorporateActions(PlatformDbContext db, TradingClock clock)
{
    /// <summary>Applies the actions with an ex-date up to <paramref name="upTo"/> (the latest stored bar when null) to accounts trading <paramref name="interval"/>.</summary>
    /// <returns>Actions applied now.</returns>
    public async Task<int> ApplyAsync(long assetId, string interval, DateTime? upTo, CancellationToken ct)
    {
        // From the few paper accounts to their transactions (indexed by portfolio), not from every transaction of the asset.
        var accounts = await db.PaperAccounts.AsNoTracking()
            .Where(a => a.Interval == interval && db.PortfolioTransactions.Any(t =>
                t.PortfolioId == a.PortfolioId && t.AssetId == assetId && (t.Type == TransactionTypes.Buy || t.Type == TransactionTypes.Sell)))
            .Select(a => a.PortfolioId).ToListAsync(ct);
        if (accounts.Count == 0)
            return 0;
        var last = upTo ?? await db.MarketData.AsNoTracking().Where(b => b.AssetId == assetId && b.Interval == interval)
            .OrderByDescending(b => b.Time).Select(b => (DateTime?)b.Time).FirstOrDefaultAsync(ct);
        if (last is null)
            return 0;
        var stored = await StoredCorporateActions.ReadAsync(db, assetId, null, last, ct);
        if (stored.Count == 0)
            return 0;
        var quoted = await db.Assets.AsNoTracking().Where(a => a.AssetId == assetId).Select(a => a.Currency).FirstAsync(ct);
        var applied = 0;
        foreach (var account in accounts.Order())
            applied += await ApplyToAccountAsync(account, assetId, quoted, stored, ct);
        return applied;
    }

    private async Task<int> ApplyToAccountAsync(Guid accountId, long assetId, string? quoted, IReadOnlyList<StoredCorporateAction> stored,
        CancellationToken ct)
    {
        var done = (await db.PaperCorporateActions.AsNoTracking().Where(c => c.AccountId == accountId && c.AssetId == assetId)
            .Select(c => new { c.ExDate, c.Kind }).ToListAsync(ct)).Select(c => (c.ExDate, c.Kind)).ToHashSet();
        var applied = 0;
        foreach (var action in stored)
        {
            foreach (var (kind, value) in new[] { (CorporateActionKinds.Split, action.Split), (CorporateActionKinds.Dividend, action.Dividend) })
            {
                if (value is not { } v || done.Contains((action.Date, kind)))
                    continue;
                var trades = await db.PortfolioTransactions.AsNoTracking()
                    .Where(t => t.PortfolioId == accountId && t.AssetId == assetId && t.Time <= action.Date).ToListAsync(ct);
                // An account that first traded the asset on or after the ex-date never held it through the action.
                if (!trades.Any(t => t.Type is TransactionTypes.Buy or TransactionTypes.Sell && t.Time < action.Date))
                    continue;
                if (await ApplyOneAsync(accountId, assetId, quoted, action.Date, kind, v, PositionAt(trades, action.Date, kind), ct))
                    applied++;
            }
        }
        return applied;
    }

    /// <summary>
    /// Units held at the start of the ex-date: the trades before it, with the splits before it; a dividend on a split's
    /// ex-date is paid on the shares after the split.
    /// </summary>
    internal static double PositionAt(IEnumerable<PortfolioTransaction> trades, DateTime exDate, string kind)
    {
        var units = 0.0;
        foreach (var t in TransactionService.Order(trades))
        {
            if (t.Type == TransactionTypes.Buy && t.Time < exDate)
                units += t.Quantity;
            else if (t.Type == TransactionTypes.Sell && t.Time < exDate)
                units -= t.Quantity;
            else if (t.Type == TransactionTypes.Split && (t.Time < exDate || (t.Time == exDate && kind == CorporateActionKinds.Dividend)))
                units *= t.Quantity;
        }
        return Math.Abs(units) <= Ledger.Epsilon ? 0 : units;
    }

    /// <param name="quoted">The asset's currency: a dividend is paid in it (pence for GBp), booked in its major currency as fills are.</param>
    /// <returns>False when another worker applied it first.</returns>
    private async Task<bool> ApplyOneAsync(Guid accountId, long assetId, string? quoted, DateTime exDate, string kind, double value,
        double position, CancellationToken ct)
    {
        var now = clock.UtcNow;
        var currency = quoted is not null
            ? CurrencyUnit.MajorOf(quoted)
            : await db.Portfolios.AsNoTracking().Where(p => p.Id == accountId).Select(p => p.BaseCurrency).FirstAsync(ct);
        var row = new PaperCorporateAction
        {
            Id = Guid.CreateVersion7(), AccountId = accountId, AssetId = assetId, ExDate = exDate, Kind = kind, Value = value,
            Position = position, Amount = kind == CorporateActionKinds.Dividend ? value * position / CurrencyUnit.PerMajorOf(quoted) : 0, AppliedAt = now,
        };
        if (position != 0)
        {
            var split = kind == CorporateActionKinds.Split;
            var tx = new PortfolioTransaction
            {
                Id = Guid.CreateVersion7(), PortfolioId = accountId, Type = split ? TransactionTypes.Split : TransactionTypes.Dividend, AssetId = assetId,
                Time = exDate, Quantity = split ? value : 0, Amount = row.Amount, Currency = currency, CreatedAt = now,
                Note = split
                    ? $"{SplitAdjustment.Ratio(value)} split of {position:0.########} units"
                    : $"dividend {value:0.########} a share on {position:0.########} units{(position < 0 ? " (short: paid)" : "")}",
            };
            db.PortfolioTransactions.Add(tx);
            row.TransactionId = tx.Id;
        }
        db.PaperCorporateActions.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            if (await AppliedAsync(accountId, assetId, exDate, kind, ct))
                return false;
            throw;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private async Task<bool> AppliedAsync(Guid accountId, long assetId, DateTime exDate, string kind, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        return await db.PaperCorporateActions.AsNoTracking().AnyAsync(c =>
            c.AccountId == accountId && c.AssetId == assetId && c.ExDate == exDate && c.Kind == kind, ct);
    }
}
