using InvestmentPlatform.Analytics.Currencies;
using InvestmentPlatform.Analytics.Portfolio;
using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Contracts.Trading;
using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Portfolio;
using InvestmentPlatform.Data.Series;
using InvestmentPlatform.Data.Trading;
using InvestmentPlatform.Trading.CorporateActions;
using InvestmentPlatform.Trading.Orders;
using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.Trading.Fills;

/// <summary>
/// Fills working orders on the bars stored after each order's last seen bar, in time order. Each order is one
/// versioned change per batch of bars: its fills (unique per order and bar), their portfolio transactions, its
/// transitions, their event rows and messages commit together, so a bar seen twice, or by two workers, fills once.
/// A split whose ex-date an order reaches adjusts it (units × ratio, prices ÷ ratio) in the same change, before the
/// ex-date's bars work it.
/// </summary>
public sealed class PaperFillEngine(PlatformDbContext db, OrderStore store, AccountCorporateActions actions)
{
    public const int BarsPerChange = 1000;

    /// <summary>
    /// New bars of an asset were stored: works every order on it in accounts that trade that interval, and applies the
    /// asset's splits and dividends to those accounts' positions. Orders are worked up to each ex-date first, so the
    /// position an action applies to holds every fill before it, and no fill of the ex-date precedes it.
    /// </summary>
    /// <returns>Fills made.</returns>
    public async Task<int> OnBarsAsync(long assetId, string interval, CancellationToken ct)
    {
        var orders = await db.PaperOrders.AsNoTracking()
            .Where(o => o.AssetId == assetId && (o.Status == OrderStatuses.Accepted || o.Status == OrderStatuses.PartiallyFilled))
            .Join(db.PaperAccounts.Where(a => a.Interval == interval), o => o.AccountId, a => a.PortfolioId,
                (o, a) => new { o.Id, o.SubmittedAt, Seen = o.LastBarTime ?? o.SubmittedAt })
            .OrderBy(o => o.SubmittedAt).ThenBy(o => o.Id).ToListAsync(ct);
        var fills = 0;
        if (orders.Count > 0)
        {
            var earliest = orders.Min(o => o.Seen);
            var exDates = (await StoredCorporateActions.ReadAsync(db, assetId, earliest, null, ct)).Where(a => a.Date > earliest).Select(a => a.Date);
            foreach (var exDate in exDates)
            {
                foreach (var order in orders)
                    fills += await ProcessOrderAsync(order.Id, exDate, ct);
                await actions.ApplyAsync(assetId, interval, exDate, ct);
            }
            foreach (var order in orders)
                fills += await ProcessOrderAsync(order.Id, ct);
        }
        await actions.ApplyAsync(assetId, interval, null, ct);
        return fills;
    }

    /// <summary>Works one order over every stored bar it has not seen; expires a day order whose session has ended.</summary>
    public Task<int> ProcessOrderAsync(Guid orderId, CancellationToken ct) => ProcessOrderAsync(orderId, null, ct);

    /// <summary>Works one order over the stored bars it has not seen before <paramref name="before"/> (all when null).</summary>
    public async Task<int> ProcessOrderAsync(Guid orderId, DateTime? before, CancellationToken ct)
    {
        var total = 0;
        while (true)
        {
            var (fills, more) = (0, false);
            await store.ChangeAsync(orderId, async order =>
            {
                var batch = await ProcessBatchAsync(order, before, ct);
                (fills, more) = (batch.Fills, batch.More);
                return batch.Changed;
            }, ct);
            total += fills;
            if (!more)
                return total;
        }
    }

    private async Task<(int Fills, bool More, bool Changed)> ProcessBatchAsync(PaperOrder order, DateTime? before, CancellationToken ct)
    {
        if (!OrderStatuses.IsWorking(order.Status) || order.AssetId is not { } assetId)
            return (0, false, false);
        var account = await db.PaperAccounts.AsNoTracking().FirstAsync(a => a.PortfolioId == order.AccountId, ct);
        var asset = await db.Assets.AsNoTracking().FirstAsync(a => a.AssetId == assetId, ct);
        var portfolio = await db.Portfolios.AsNoTracking().FirstAsync(p => p.Id == order.AccountId, ct);
        var after = order.LastBarTime;
        // A bar that ended before the order was placed cannot fill it, even when it is stored only later (history
        // collected after the order): only bars still trading at or after submission count.
        var endedBefore = order.SubmittedAt - BarIntervals.Length(account.Interval);
        var until = order.ExpiresAt is { } expires && (before is null || expires < before) ? expires : before;
        var bars = await db.MarketData.AsNoTracking()
            .Where(b => b.AssetId == assetId && b.Interval == account.Interval && (after == null || b.Time > after) && b.Time > endedBefore
                        && (until == null || b.Time < until))
            .OrderBy(b => b.Time).Take(BarsPerChange)
            .Select(b => new FillBar(b.Time, b.Open, b.High, b.Low, b.Close, b.Volume)).ToListAsync(ct);
        var costs = new FillCosts(account.FeePerUnit, account.FeeRate, account.FeeMinimum, account.SlippageBps, account.ParticipationRate);
        var fractional = asset.AssetType == AssetTypes.Crypto;
        var seen = order.LastBarTime ?? order.SubmittedAt;
        var splits = bars.Count == 0 ? [] : (await StoredCorporateActions.ReadAsync(db, assetId, seen, bars[^1].Time, ct))
            .Where(a => a.Split is not null && a.Date > seen).ToList();
        var nextSplit = 0;
        var fills = 0;
        foreach (var bar in bars)
        {
            for (; nextSplit < splits.Count && splits[nextSplit].Date <= bar.Time; nextSplit++)
                Split(order, splits[nextSplit], fractional, bar.Time);
            if (!OrderStatuses.IsWorking(order.Status))
                return (fills, false, true);
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
        if (!more && before is null && order.ExpiresAt is { } end && store.Now >= end)
        {
            store.Move(order, OrderStatuses.Expired, new Transition(Reason: $"day order: the session ended at {end:O}"));
            return (fills, false, true);
        }
        // A batch that only moved the watermark (no fill) is still saved, so the bars are not read again.
        return (fills, more, bars.Count > 0);
    }

    /// <summary>Adjusts the order for a split it reached, with an audit row; cancels it when a reverse split leaves less than a unit.</summary>
    private void Split(PaperOrder order, StoredCorporateAction split, bool fractional, DateTime barTime)
    {
        var ratio = split.Split!.Value;
        var before = new OrderTerms(order.Quantity, order.FilledQuantity, order.LimitPrice, order.StopPrice, order.AverageFillPrice);
        var after = SplitAdjustment.Adjust(before, ratio, fractional);
        (order.Quantity, order.FilledQuantity, order.LimitPrice, order.StopPrice, order.AverageFillPrice) =
            (after.Quantity, after.FilledQuantity, after.LimitPrice, after.StopPrice, after.AverageFillPrice);
        store.Adjusted(order, OrderEventTypes.SplitAdjusted, SplitAdjustment.Describe(split.Date, ratio, before, after), barTime);
        if (order.Quantity - order.FilledQuantity <= Ledger.Epsilon)
            store.Move(order, OrderStatuses.Cancelled, new Transition(Reason: $"the {SplitAdjustment.Ratio(ratio)} split left less than one unit to fill"));
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
            // A fill is booked when it happened: on its bar, but never before the order was placed (a daily bar is
            // stamped at its midnight, and an order placed that afternoon fills later that day).
            AssetId = order.AssetId, Time = bar.Time > order.SubmittedAt ? bar.Time : order.SubmittedAt, Quantity = fill.Quantity, Price = fill.Price / perMajor, Fee = fill.Fee / perMajor, Currency = currency,
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
