using InvestmentPlatform.Analytics.Portfolio;
using InvestmentPlatform.Contracts.Trading;
using InvestmentPlatform.Data.Series;
using InvestmentPlatform.Trading.CorporateActions;
using InvestmentPlatform.Trading.Fills;
using InvestmentPlatform.Trading.Orders;
using InvestmentPlatform.Trading.Risk;

namespace InvestmentPlatform.Trading.Replay;

/// <summary>One symbol of a replay: its bars in the range (time order), the close before the range, its splits and dividends.</summary>
public sealed record ReplaySymbol(
    string Symbol, bool Fractional, IReadOnlyList<FillBar> Bars, double? PriorClose, IReadOnlyList<StoredCorporateAction> Actions);

/// <summary>One order of a replay, checked: <paramref name="ExpiresAt"/> is its session end for a day order.</summary>
public sealed record ReplayOrder(
    int Index, DateTime At, string Symbol, string Side, string Type, double Quantity, double? LimitPrice, double? StopPrice,
    string TimeInForce, DateTime? ExpiresAt, string? ClientOrderId);

/// <summary>The account's terms a replay trades under.</summary>
public sealed record ReplayAccount(double StartingCash, FillCosts Costs, bool AllowShort, bool MarginEnabled, double Leverage,
    double MaxPositionFraction, double? MaxOrderNotional);

/// <summary>
/// A deterministic mini-backtest: the orders are worked by <see cref="FillModel"/>, the live fill engine's rules, over
/// every bar time of the range in order, with cash and positions kept in memory. At each bar time: splits and
/// dividends whose ex-date it reached (splits adjust positions and open orders as in <see cref="SplitAdjustment"/>;
/// dividends pay cash per unit held, or cost it when short); then the orders placed before it are checked (shorting,
/// maximum notional, buying power, maximum position, on the state at that moment) and start working; then each
/// working order meets its symbol's bar, in placement order; then the equity point. Nothing is random or clock-bound,
/// so the same bars and orders always give the same fills.
/// </summary>
public static class ReplayEngine
{
    /// <param name="progress">Called after each bar time with (done, total, fills so far).</param>
    public static ReplayResult Run(ReplayAccount account, IReadOnlyList<ReplaySymbol> symbols, IReadOnlyList<ReplayOrder> orders,
        Action<int, int, int>? progress = null, CancellationToken ct = default)
    {
        var state = new State(account, symbols);
        var times = Times(symbols);
        var actions = symbols.Select((s, i) => s.Actions.Select(a => (Symbol: i, Action: a))).SelectMany(a => a)
            .OrderBy(a => a.Action.Date).ThenBy(a => a.Symbol).ToList();
        var pending = orders.OrderBy(o => o.At).ThenBy(o => o.Index).Select(o => new Working(o, state.IndexOf(o.Symbol))).ToList();
        var placed = 0;
        var nextAction = 0;
        var curve = new List<EquityPoint>(times.Count);
        for (var t = 0; t < times.Count; t++)
        {
            ct.ThrowIfCancellationRequested();
            var time = times[t];
            for (; nextAction < actions.Count && actions[nextAction].Action.Date <= time; nextAction++)
                state.Apply(actions[nextAction].Symbol, actions[nextAction].Action, pending);
            for (; placed < pending.Count && pending[placed].Order.At < time; placed++)
                state.Place(pending[placed]);
            for (var i = 0; i < placed; i++)
                state.Work(pending[i], time);
            state.Close(time);
            curve.Add(new EquityPoint(time, state.Equity(), state.Cash));
            progress?.Invoke(t + 1, times.Count, state.Fills.Count);
        }
        // Orders placed after the last bar never met one: they are still working.
        for (; placed < pending.Count; placed++)
            state.Place(pending[placed]);

        var equity = curve.Count > 0 ? curve[^1].Equity : account.StartingCash;
        return new ReplayResult(account.StartingCash, equity, state.Cash, (equity / account.StartingCash - 1) * 100, state.Fills.Count,
            pending.Sum(w => w.Fees),
            pending.OrderBy(w => w.Order.Index).Select(w => new ReplayOrderResult(w.Order.Index, w.Order.ClientOrderId, w.Order.Symbol, w.Status,
                w.Quantity, w.Filled, w.Filled > 0 ? w.AveragePrice : null, w.Fees, w.RejectCheck, w.Reason)).ToList(),
            state.Fills, curve);
    }

    /// <summary>How many bar times a replay over <paramref name="symbols"/> works: the distinct times of all their bars.</summary>
    public static int BarTimes(IReadOnlyList<ReplaySymbol> symbols) => Times(symbols).Count;

    private static List<DateTime> Times(IReadOnlyList<ReplaySymbol> symbols) =>
        symbols.SelectMany(s => s.Bars.Select(b => b.Time)).Distinct().Order().ToList();

    private sealed class Working(ReplayOrder order, int symbol)
    {
        public ReplayOrder Order { get; } = order;
        public int Symbol { get; } = symbol;
        public string Status { get; set; } = OrderStatuses.New;
        public double Quantity { get; set; } = order.Quantity;
        public double? LimitPrice { get; set; } = order.LimitPrice;
        public double? StopPrice { get; set; } = order.StopPrice;
        public double Filled { get; set; }
        public double AveragePrice { get; set; }
        public double Fees { get; set; }
        public bool StopTriggered { get; set; }
        public string? RejectCheck { get; set; }
        public string? Reason { get; set; }
        public bool Buy => Order.Side == OrderSides.Buy;
        public double Remaining => Quantity - Filled;
    }

    private sealed class State(ReplayAccount account, IReadOnlyList<ReplaySymbol> symbols)
    {
        private readonly Dictionary<string, int> _index = symbols.Select((s, i) => (s.Symbol, i)).ToDictionary(x => x.Symbol, x => x.i, StringComparer.Ordinal);
        private readonly double[] _position = new double[symbols.Count];
        private readonly double?[] _close = symbols.Select(s => s.PriorClose).ToArray();
        private readonly int[] _nextBar = new int[symbols.Count];
        private readonly FillBar?[] _barNow = new FillBar?[symbols.Count];

        public double Cash { get; private set; } = account.StartingCash;
        public List<ReplayFill> Fills { get; } = [];

        public int IndexOf(string symbol) => _index[symbol];

        public double Equity()
        {
            var equity = Cash;
            for (var i = 0; i < _position.Length; i++)
                if (_position[i] != 0 && _close[i] is { } c)
                    equity += _position[i] * c;
            return equity;
        }

        public void Apply(int symbol, StoredCorporateAction action, IEnumerable<Working> orders)
        {
            if (action.Split is { } ratio)
            {
                _position[symbol] *= ratio;
                if (_close[symbol] is { } c)
                    _close[symbol] = c / ratio;
                // Orders placed before the ex-date, working or about to be checked, are in the old shares.
                foreach (var w in orders.Where(w => w.Symbol == symbol && (w.Status == OrderStatuses.New || OrderStatuses.IsWorking(w.Status)) && w.Order.At < action.Date))
                {
                    var after = SplitAdjustment.Adjust(new OrderTerms(w.Quantity, w.Filled, w.LimitPrice, w.StopPrice, w.AveragePrice), ratio,
                        symbols[symbol].Fractional);
                    (w.Quantity, w.Filled, w.LimitPrice, w.StopPrice, w.AveragePrice) =
                        (after.Quantity, after.FilledQuantity, after.LimitPrice, after.StopPrice, after.AverageFillPrice);
                    if (w.Remaining <= Ledger.Epsilon)
                        (w.Status, w.Reason) = (OrderStatuses.Cancelled, $"the {SplitAdjustment.Ratio(ratio)} split left less than one unit to fill");
                }
            }
            if (action.Dividend is { } perUnit)
                Cash += perUnit * _position[symbol];
        }

        public void Place(Working w)
        {
            var rejection = Check(w);
            if (rejection is null)
            {
                w.Status = OrderStatuses.Accepted;
                return;
            }
            (w.Status, w.RejectCheck, w.Reason) = (OrderStatuses.Rejected, rejection.Check, rejection.Reason);
        }

        /// <summary>The live pre-trade checks that depend on the account's state, on the replay's state.</summary>
        private RiskRejection? Check(Working w)
        {
            var s = w.Symbol;
            if (_close[s] is not { } close)
                return new(RiskChecks.NoData, $"No bar of '{w.Order.Symbol}' is stored at or before {w.Order.At:O}.");
            var held = _position[s];
            var buy = w.Buy;
            if (!buy && !account.AllowShort && w.Quantity > held + Ledger.Epsilon)
                return new(RiskChecks.ShortSelling, $"Selling {w.Quantity} {w.Order.Symbol} but only {Math.Max(0, held)} is held; shorting is not enabled for this account.");
            var price = PreTradeRisk.Price(w.Order.Type, w.LimitPrice, w.StopPrice, close, buy, account.Costs.SlippageBps);
            var notional = w.Quantity * price;
            if (account.MaxOrderNotional is { } max && notional > max)
                return new(RiskChecks.MaxNotional, $"The order's notional {notional:0.##} is above the account's maximum of {max:0.##}.");
            var equity = Equity();
            var opening = buy ? w.Quantity : Math.Max(0, w.Quantity - Math.Max(0, held));
            var cost = opening * price + FillModel.Fee(w.Quantity, price, 0, 0, account.Costs with { SlippageBps = 0, ParticipationRate = 1 });
            var margin = account.MarginEnabled ? (account.Leverage - 1) * equity : 0;
            var buyingPower = Cash + margin;
            if (opening > 0 && cost > buyingPower + Ledger.Epsilon)
                return new(RiskChecks.BuyingPower, $"The order needs {cost:0.##} (with fees) but the buying power is {buyingPower:0.##}.");
            var after = Math.Abs(held + (buy ? w.Quantity : -w.Quantity)) * price;
            if (equity > 0 && after > account.MaxPositionFraction * equity + Ledger.Epsilon)
                return new(RiskChecks.MaxPosition, $"The position in {w.Order.Symbol} would be {after:0.##}, {after / equity:P1} of equity; the account allows {account.MaxPositionFraction:P1}.");
            return null;
        }

        /// <summary>The order meets its symbol's bar at <paramref name="time"/>, if it has one; a day order past its session end expires first.</summary>
        public void Work(Working w, DateTime time)
        {
            if (!OrderStatuses.IsWorking(w.Status))
                return;
            if (w.Order.ExpiresAt is { } end && time >= end)
            {
                (w.Status, w.Reason) = (OrderStatuses.Expired, $"day order: the session ended at {end:O}");
                return;
            }
            if (Bar(w.Symbol, time) is not { } bar)
                return;
            var fill = FillModel.Fill(new WorkingOrder(w.Order.Side, w.Order.Type, w.Quantity, w.LimitPrice, w.StopPrice, w.Filled, w.AveragePrice,
                w.StopTriggered, symbols[w.Symbol].Fractional), bar, account.Costs);
            w.StopTriggered = fill.StopTriggered;
            if (fill.Quantity > 0)
            {
                w.AveragePrice = (w.AveragePrice * w.Filled + fill.Price * fill.Quantity) / (w.Filled + fill.Quantity);
                w.Filled += fill.Quantity;
                w.Fees += fill.Fee;
                var done = w.Remaining <= Ledger.Epsilon;
                if (done)
                    w.Filled = w.Quantity;
                w.Status = done ? OrderStatuses.Filled : OrderStatuses.PartiallyFilled;
                _position[w.Symbol] += w.Buy ? fill.Quantity : -fill.Quantity;
                Cash += (w.Buy ? -1 : 1) * fill.Quantity * fill.Price - fill.Fee;
                Fills.Add(new ReplayFill(w.Order.Index, w.Order.Symbol, w.Order.Side, bar.Time, fill.Quantity, fill.Price, fill.Fee));
            }
            if (w.Order.TimeInForce == TimesInForce.ImmediateOrCancel && OrderStatuses.IsWorking(w.Status))
                (w.Status, w.Reason) = (OrderStatuses.Cancelled, "immediate-or-cancel: the first bar after submission did not fill the rest");
        }

        /// <summary>The symbol's bar at exactly <paramref name="time"/>, if it has one.</summary>
        private FillBar? Bar(int symbol, DateTime time)
        {
            if (_barNow[symbol] is { } current && current.Time == time)
                return current;
            var bars = symbols[symbol].Bars;
            ref var next = ref _nextBar[symbol];
            while (next < bars.Count && bars[next].Time < time)
                next++;
            return next < bars.Count && bars[next].Time == time ? _barNow[symbol] = bars[next] : null;
        }

        /// <summary>The bars at <paramref name="time"/> close: their closes value the positions from now on.</summary>
        public void Close(DateTime time)
        {
            for (var s = 0; s < _close.Length; s++)
                if (Bar(s, time) is { } bar)
                    _close[s] = bar.Close;
        }
    }
}
