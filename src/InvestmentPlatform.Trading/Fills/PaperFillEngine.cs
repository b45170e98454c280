using InvestmentPlatform.Analytics.Currencies;
using InvestmentPlatform.Analytics.Portfolio;
using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Contracts.Trading;
using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Portfolio;
using InvestmentPlatform.Data.Trading;
using InvestmentPlatform.Trading.Orders;
using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.Trading.Fills;

/// <summary>
/// Fills working orders on the bars stored after each order's last seen bar, in time order. Each order is one
/// versioned change per batch of bars: its fills (unique per order and bar), their portfolio transactions, its
/// transitions, their event rows and messages commit together, so a bar seen twice, or by two workers, fills once.
/// </summary>
public sealed class PaperFillEngine(PlatformDbContext db, OrderStore store)
{
    public const int BarsPerChange = 1000;

    /// <summary>New bars of an asset were stored: works every order on it in accounts that trade that interval.</summary>
    /// <returns>Fills made.</returns>
    public async Task<int> OnBarsAsync(long assetId, string interval, CancellationToken ct)
    {
        var ids = await db.PaperOrders.AsNoTracking()
            .Where(o => o.AssetId == assetId && (o.Status == OrderStatuses.Accepted || o.Status == OrderStatuses.PartiallyFilled))
            .Join(db.PaperAccounts.Where(a => a.Interval == interval), o => o.AccountId, a => a.PortfolioId, (o, a) => new { o.Id, o.SubmittedAt })
            .OrderBy(o => o.SubmittedAt).ThenBy(o => o.Id).Select(o => o.Id).ToListAsync(ct);
        var fills = 0;
        foreach (var id in ids)
            fills += await ProcessOrderAsync(id, ct);
        return fills;
    }

    /// <summary>Works one order over every stored bar it has not seen; expires a day order whose session has ended.</summary>
    public async Task<int> ProcessOrderAsync(Guid orderId, CancellationToken ct)
    {
        var total = 0;
        while (true)
        {
            var (fills, more) = (0, false);
            await store.ChangeAsync(orderId, async order =>
            {
                var batch = await ProcessBatchAsync(order, ct);
                (fills, more) = (batch.Fills, batch.More);
                return batch.Changed;
            }, ct);
            total += fills;
            if (!more)
                return total;
        }
    }

    private async Task<(int Fills, bool More, bool Changed)> ProcessBatchAsync(PaperOrder order, CancellationToken ct)
    {
        if (!OrderStatuses.IsWorking(order.Status) || order.AssetId is not { } assetId)
            return (0, false, false);
        var account = await db.PaperAccounts.AsNoTracking().FirstAsync(a => a.PortfolioId == order.AccountId, ct);
        var asset = await db.Assets.AsNoTracking().FirstAsync(a => a.AssetId == assetId, ct);
        var portfolio = await db.Portfolios.AsNoTracking().FirstAsync(p => p.Id == order.AccountId, ct);
        var after = order.LastBarTime;
        var until = order.ExpiresAt;
        var bars = await db.MarketData.AsNoTracking()
            .Where(b => b.AssetId == assetId && b.Interval == account.Interval && (after == null || b.Time > after) && (until == null || b.Time < until))
            .OrderBy(b => b.Time).Take(BarsPerChange)
            .Select(b => new FillBar(b.Time, b.Open, b.High, b.Low, b.Close, b.Volume)).ToListAsync(ct);
        var costs = new FillCosts(account.FeePerUnit, account.FeeRate, account.FeeMinimum, account.SlippageBps, account.ParticipationRate);
        var fractional = asset.AssetType == AssetTypes.Crypto;
        var fills = 0;
        foreach (var bar in bars)
        {
            var fill = FillModel.Fill(Working(order, fractional), bar, costs);
            order.StopTriggered = fill.StopTriggered;
            order.LastBarTime = bar.Time;
            if (fill.Quantity > 0)
            {
                Record(order, portfolio, asset.Currency, bar, fill);
                fills++;
            }
            if (order.TimeInForce == TimesInForce.ImmediateOrCancel && OrderStatuses.IsWorking(order.Status))
                store.Move(order, OrderStatuses.Cancelled, new Transition(Reason: "immediate-or-cancel: the first bar after submission did not fill the rest"));
            if (!OrderStatuses.IsWorking(order.Status))
                return (fills, false, true);
        }
        var more = bars.Count == BarsPerChange;
        if (!more && order.ExpiresAt is { } end && store.Now >= end)
        {
            store.Move(order, OrderStatuses.Expired, new Transition(Reason: $"day order: the session ended at {end:O}"));
            return (fills, false, true);
        }
        // A batch that only moved the watermark (no fill) is still saved, so the bars are not read again.
        return (fills, more, bars.Count > 0);
    }

    /// <param name="quoted">The asset's currency: fills are in it (pence for GBp), the portfolio in its major currency.</param>
    private void Record(PaperOrder order, PortfolioAccount portfolio, string? quoted, FillBar bar, BarFill fill)
    {
        var now = store.Now;
        var currency = quoted is null ? portfolio.BaseCurrency : CurrencyUnit.MajorOf(quoted);
        var perMajor = CurrencyUnit.PerMajorOf(quoted);
        var tx = new PortfolioTransaction
        {
            Id = Guid.CreateVersion7(), PortfolioId = portfolio.Id,
            Type = order.Side == OrderSides.Buy ? TransactionTypes.Buy : TransactionTypes.Sell,
            AssetId = order.AssetId, Time = bar.Time, Quantity = fill.Quantity, Price = fill.Price / perMajor, Fee = fill.Fee / perMajor, Currency = currency,
            Note = $"paper order {order.Id}", CreatedAt = now,
        };
        db.PortfolioTransactions.Add(tx);
        db.PaperFills.Add(new PaperFill
        {
            Id = Guid.CreateVersion7(), OrderId = order.Id, AccountId = order.AccountId, BarTime = bar.Time, Quantity = fill.Quantity,
            Price = fill.Price, Fee = fill.Fee, TransactionId = tx.Id, CreatedAt = now,
        });
        order.AverageFillPrice = (order.AverageFillPrice * order.FilledQuantity + fill.Price * fill.Quantity) / (order.FilledQuantity + fill.Quantity);
        order.FilledQuantity += fill.Quantity;
        order.FeesPaid += fill.Fee;
        var done = order.Quantity - order.FilledQuantity <= Ledger.Epsilon;
        if (done)
            order.FilledQuantity = order.Quantity;
        store.Move(order, done ? OrderStatuses.Filled : OrderStatuses.PartiallyFilled,
            new Transition(FillPrice: fill.Price, FillQuantity: fill.Quantity, Fee: fill.Fee, BarTime: bar.Time));
    }

    internal static WorkingOrder Working(PaperOrder o, bool fractional) =>
        new(o.Side, o.Type, o.Quantity, o.LimitPrice, o.StopPrice, o.FilledQuantity, o.AverageFillPrice, o.StopTriggered, fractional);
}
