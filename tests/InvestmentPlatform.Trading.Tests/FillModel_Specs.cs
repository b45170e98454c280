using InvestmentPlatform.Trading.Fills;
using InvestmentPlatform.Trading.Orders;

namespace InvestmentPlatform.Trading.Tests;

/// <summary>Fills computed by hand on crafted bars; each expected number is worked out in the comment beside it.</summary>
public class When_a_bar_meets_an_order
{
    private static readonly FillCosts Free = new(0, 0, 0, 0, 0.10);

    private static WorkingOrder Order(string side, string type, double quantity, double? limit = null, double? stop = null) =>
        new(side, type, quantity, limit, stop, 0, 0, false, false);

    private static FillBar Bar(double open, double high, double low, double close, double volume = 10_000, int day = 1) =>
        new(new DateTime(2024, 1, day, 0, 0, 0, DateTimeKind.Utc), open, high, low, close, volume);

    private static void Near(double expected, double actual) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-9 * Math.Max(1, Math.Abs(expected)), $"expected {expected:R}, actual {actual:R}");

    [Fact]
    public void Should_fill_a_market_order_at_the_open()
    {
        var fill = FillModel.Fill(Order(OrderSides.Buy, OrderTypes.Market, 10), Bar(50, 55, 48, 52), Free);
        Assert.Equal(10, fill.Quantity);
        Assert.Equal(50, fill.Price);
    }

    [Fact]
    public void Should_fill_a_limit_buy_at_the_open_when_the_bar_gaps_below_the_limit()
    {
        // limit 100, the bar opens at 95 (a gap down through the limit): the buyer gets the better price, 95.
        var gap = FillModel.Fill(Order(OrderSides.Buy, OrderTypes.Limit, 10, limit: 100), Bar(95, 97, 94, 96), Free);
        Assert.Equal(95, gap.Price);
        // opens at 102, trades down to 99: the limit is touched inside the bar and fills at the limit, 100.
        Assert.Equal(100, FillModel.Fill(Order(OrderSides.Buy, OrderTypes.Limit, 10, limit: 100), Bar(102, 103, 99, 101), Free).Price);
        // low 101 never reaches 100: nothing.
        Assert.Equal(0, FillModel.Fill(Order(OrderSides.Buy, OrderTypes.Limit, 10, limit: 100), Bar(102, 103, 101, 102), Free).Quantity);
        // a sell limit mirrors it: limit 100, the bar gaps up to 105, fills at 105.
        Assert.Equal(105, FillModel.Fill(Order(OrderSides.Sell, OrderTypes.Limit, 10, limit: 100), Bar(105, 106, 104, 105), Free).Price);
    }

    [Fact]
    public void Should_trigger_a_stop_inside_the_bar_and_fill_at_the_stop_or_the_gapped_open()
    {
        // sell stop 95: the bar opens at 98 and trades down to 94, so the stop triggers inside the bar and fills at 95.
        var intrabar = FillModel.Fill(Order(OrderSides.Sell, OrderTypes.Stop, 10, stop: 95), Bar(98, 99, 94, 96), Free);
        Assert.True(intrabar.StopTriggered);
        Assert.Equal(95, intrabar.Price);
        // the bar gaps down to open at 90: the stop fills at the worse open, 90.
        Assert.Equal(90, FillModel.Fill(Order(OrderSides.Sell, OrderTypes.Stop, 10, stop: 95), Bar(90, 92, 88, 91), Free).Price);
        // buy stop 105: high 106 triggers, fills at 105; a bar that stays below does not trigger.
        Assert.Equal(105, FillModel.Fill(Order(OrderSides.Buy, OrderTypes.Stop, 10, stop: 105), Bar(100, 106, 99, 104), Free).Price);
        var untouched = FillModel.Fill(Order(OrderSides.Buy, OrderTypes.Stop, 10, stop: 105), Bar(100, 104, 99, 103), Free);
        Assert.False(untouched.StopTriggered);
        Assert.Equal(0, untouched.Quantity);
    }

    [Fact]
    public void Should_fill_a_stop_limit_only_within_its_limit_on_the_trigger_bar()
    {
        // buy stop 105 limit 106: triggers at 105 (open 100, high 107), 105 ≤ 106, fills at 105.
        Assert.Equal(105, FillModel.Fill(Order(OrderSides.Buy, OrderTypes.StopLimit, 10, limit: 106, stop: 105), Bar(100, 107, 99, 104), Free).Price);
        // gaps to open at 108 above the limit: triggered, but no fill on this bar.
        var gapped = FillModel.Fill(Order(OrderSides.Buy, OrderTypes.StopLimit, 10, limit: 106, stop: 105), Bar(108, 110, 107, 109), Free);
        Assert.True(gapped.StopTriggered);
        Assert.Equal(0, gapped.Quantity);
        // next bar, triggered already: a plain limit 106; low 105.5 reaches it, open 107 is worse, fills at 106.
        var next = FillModel.Fill(Order(OrderSides.Buy, OrderTypes.StopLimit, 10, limit: 106, stop: 105) with { StopTriggered = true },
            Bar(107, 108, 105.5, 106), Free);
        Assert.Equal(106, next.Price);
    }

    [Fact]
    public void Should_fill_a_partial_order_over_three_bars_at_ten_percent_of_volume()
    {
        // 250 units, bars of 1,000 volume: 10 % is 100 a bar: 100 at 10, 100 at 11, the last 50 at 12.
        var order = Order(OrderSides.Buy, OrderTypes.Market, 250);
        var fills = new List<BarFill>();
        foreach (var (open, day) in new[] { (10.0, 1), (11.0, 2), (12.0, 3) })
        {
            var fill = FillModel.Fill(order, Bar(open, open + 1, open - 1, open, 1_000, day), Free);
            fills.Add(fill);
            order = order with
            {
                AverageFillPrice = (order.AverageFillPrice * order.FilledQuantity + fill.Price * fill.Quantity) / (order.FilledQuantity + fill.Quantity),
                FilledQuantity = order.FilledQuantity + fill.Quantity,
            };
        }
        Assert.Equal([100.0, 100.0, 50.0], fills.Select(f => f.Quantity));
        Assert.Equal([10.0, 11.0, 12.0], fills.Select(f => f.Price));
        // (100·10 + 100·11 + 50·12) / 250 = 2,700 / 250 = 10.8
        Near(10.8, order.AverageFillPrice);
        Assert.Equal(0, order.Remaining);
    }

    [Fact]
    public void Should_charge_the_minimum_fee_once_per_order_and_only_what_the_fees_grow_past_it()
    {
        // 0.01 a unit + 0.1 % of the notional, at least 5 an order.
        var costs = new FillCosts(0.01, 0.001, 5, 0, 0.10);
        var order = Order(OrderSides.Buy, OrderTypes.Market, 300);
        var fees = new List<double>();
        foreach (var (open, day) in new[] { (10.0, 1), (11.0, 2), (12.0, 3) })
        {
            var fill = FillModel.Fill(order, Bar(open, open, open, open, 1_000, day), costs);
            fees.Add(fill.Fee);
            order = order with
            {
                AverageFillPrice = (order.AverageFillPrice * order.FilledQuantity + fill.Price * fill.Quantity) / (order.FilledQuantity + fill.Quantity),
                FilledQuantity = order.FilledQuantity + fill.Quantity,
            };
        }
        // bar 1: 100 at 10: 1 + 1 = 2, below the minimum: 5.
        Near(5, fees[0]);
        // bar 2: 100 at 11: raw so far 2 + 2.1 = 4.1, still under 5: nothing more.
        Near(0, fees[1]);
        // bar 3: 100 at 12: raw 4.1 + 2.2 = 6.3, past the minimum: 6.3 − 5 = 1.3.
        Near(1.3, fees[2]);
    }

    [Fact]
    public void Should_slip_market_and_stop_fills_against_the_trader_but_never_past_a_limit()
    {
        var costs = Free with { SlippageBps = 20 };
        // 20 bp on an open of 50: a buy pays 50 × 1.002 = 50.1, a sell gets 50 × 0.998 = 49.9.
        Near(50.1, FillModel.Fill(Order(OrderSides.Buy, OrderTypes.Market, 10), Bar(50, 51, 49, 50), costs).Price);
        Near(49.9, FillModel.Fill(Order(OrderSides.Sell, OrderTypes.Market, 10), Bar(50, 51, 49, 50), costs).Price);
        // a sell stop at 95 that triggers inside the bar: 95 × 0.998 = 94.81.
        Near(94.81, FillModel.Fill(Order(OrderSides.Sell, OrderTypes.Stop, 10, stop: 95), Bar(98, 99, 94, 96), costs).Price);
        // a limit fills at its limit, slippage or not.
        Assert.Equal(100, FillModel.Fill(Order(OrderSides.Buy, OrderTypes.Limit, 10, limit: 100), Bar(102, 103, 99, 101), costs).Price);
    }

    [Fact]
    public void Should_fill_whole_units_of_a_stock_and_fractions_of_a_crypto_asset()
    {
        // 10 % of 15 is 1.5: a stock fills 1 unit, a crypto asset 1.5.
        Assert.Equal(1, FillModel.Fill(Order(OrderSides.Buy, OrderTypes.Market, 5), Bar(10, 10, 10, 10, 15), Free).Quantity);
        Assert.Equal(1.5, FillModel.Fill(Order(OrderSides.Buy, OrderTypes.Market, 5) with { Fractional = true }, Bar(10, 10, 10, 10, 15), Free).Quantity);
        // no volume, no fill
        Assert.Equal(0, FillModel.Fill(Order(OrderSides.Buy, OrderTypes.Market, 5), Bar(10, 10, 10, 10, 0), Free).Quantity);
    }
}
