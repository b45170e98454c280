using InvestmentPlatform.Contracts.Trading;
using InvestmentPlatform.Data.Series;
using InvestmentPlatform.Trading.Fills;
using InvestmentPlatform.Trading.Orders;
using InvestmentPlatform.Trading.Replay;
using InvestmentPlatform.Trading.Risk;

namespace InvestmentPlatform.Trading.Tests;

/// <summary>A replay over four crafted bars with a 2-for-1 split and a dividend; every figure is worked out beside it.</summary>
public class When_orders_are_replayed_over_stored_bars
{
    private static DateTime Day(int day, int hour = 0) => new(2024, 1, day, hour, 0, 0, DateTimeKind.Utc);

    // No fee but a minimum of 1 an order; 10 % of each bar's volume.
    private static readonly ReplayAccount Account = new(10_000, new FillCosts(0, 0, 1, 0, 0.10), AllowShort: false, MarginEnabled: false,
        Leverage: 1, MaxPositionFraction: 1, MaxOrderNotional: null);

    private static readonly ReplaySymbol Symbol = new("AAA", false,
    [
        new FillBar(Day(2), 100, 101, 99, 100, 10_000),
        new FillBar(Day(3), 102, 103, 101, 102, 10_000),
        new FillBar(Day(4), 51, 52, 49, 50, 20_000),   // ex-date of a 2-for-1 split
        new FillBar(Day(5), 50, 51, 48, 49, 20_000),   // ex-date of a dividend of 1 a share
    ], PriorClose: 100, [new StoredCorporateAction(Day(4), null, 2), new StoredCorporateAction(Day(5), 1, null)]);

    private static ReplayOrder Order(int index, DateTime at, string side, string type, double quantity, double? limit = null) =>
        new(index, at, "AAA", side, type, quantity, limit, null, TimesInForce.GoodTillCancelled, null, $"r-{index}");

    private static readonly ReplayOrder[] Orders =
    [
        Order(0, Day(1, 12), OrderSides.Buy, OrderTypes.Market, 50),
        Order(1, Day(1, 12), OrderSides.Buy, OrderTypes.Limit, 20, limit: 98),
        Order(2, Day(2, 12), OrderSides.Sell, OrderTypes.Limit, 10, limit: 102.5),
        Order(3, Day(2, 12), OrderSides.Buy, OrderTypes.Market, 1_000),
    ];

    private static void Near(double expected, double actual) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-9 * Math.Max(1, Math.Abs(expected)), $"expected {expected:R}, actual {actual:R}");

    [Fact]
    public void Should_fill_split_adjust_pay_the_dividend_and_value_each_bar_as_computed_by_hand()
    {
        var result = ReplayEngine.Run(Account, [Symbol], Orders);

        Assert.Equal(
        [
            // day 2: the market buy at the open, 100, fee 1 (the minimum)
            new ReplayFill(0, "AAA", "buy", Day(2), 50, 100, 1),
            // day 3: the sell limit 102.5 is reached (high 103) above the open 102: at the limit
            new ReplayFill(2, "AAA", "sell", Day(3), 10, 102.5, 1),
            // day 4: the split made the 20 @ 98 limit 40 @ 49; low 49 reaches it, the open 51 is above: at 49
            new ReplayFill(1, "AAA", "buy", Day(4), 40, 49, 1),
        ], result.Fills);
        var rejected = result.Orders.Single(o => o.Index == 3);
        Assert.Equal(OrderStatuses.Rejected, rejected.Status);
        // 1,000 × the latest close 100 + 1 = 100,001 against the 4,999 cash left after the first fill
        Assert.Equal(RiskChecks.BuyingPower, rejected.RejectCheck);
        Assert.Equal((40.0, 49.0), (result.Orders.Single(o => o.Index == 1).Quantity, result.Orders.Single(o => o.Index == 1).AverageFillPrice!.Value));

        // cash: 10,000 − 5,001 = 4,999; + 1,025 − 1 = 6,023; − 1,960 − 1 = 4,062; + 1 × 120 units = 4,182
        // equity: 4,999 + 50 × 100; 6,023 + 40 × 102; 4,062 + 120 × 50; 4,182 + 120 × 49
        Assert.Equal([Day(2), Day(3), Day(4), Day(5)], result.EquityCurve.Select(p => p.Time));
        double[] equity = [9_999, 10_103, 10_062, 10_062];
        foreach (var (expected, point) in equity.Zip(result.EquityCurve))
            Near(expected, point.Equity);
        Near(4_182, result.FinalCash);
        Near(10_062, result.FinalEquity);
        Near(0.62, result.ReturnPercent);
        Assert.Equal(3, result.FillCount);
        Near(3, result.FeesPaid);
    }

    [Fact]
    public void Should_give_the_same_fills_and_curve_for_the_same_bars_and_orders_in_any_order_of_submission()
    {
        var first = ReplayEngine.Run(Account, [Symbol], Orders);
        var again = ReplayEngine.Run(Account, [Symbol], Orders.Reverse().ToArray());
        Assert.Equal(first.Fills, again.Fills);
        Assert.Equal(first.EquityCurve, again.EquityCurve);
        Assert.Equal(first.Orders, again.Orders);
    }

    [Fact]
    public void Should_expire_a_day_order_at_its_session_end_and_cancel_the_rest_of_an_immediate_or_cancel_order()
    {
        ReplayOrder[] orders =
        [
            // the session it lives in ended before the next bar: never filled
            Order(0, Day(1, 12), OrderSides.Buy, OrderTypes.Market, 5) with { TimeInForce = TimesInForce.Day, ExpiresAt = Day(1, 21) },
            // 10 % of 10,000 = 1,000 on the first bar; the other 500 are cancelled
            Order(1, Day(1, 12), OrderSides.Buy, OrderTypes.Limit, 1_500, limit: 100) with { TimeInForce = TimesInForce.ImmediateOrCancel },
        ];
        var result = ReplayEngine.Run(Account with { StartingCash = 1_000_000 }, [Symbol], orders);
        Assert.Equal(OrderStatuses.Expired, result.Orders[0].Status);
        Assert.Equal((OrderStatuses.Cancelled, 1_000.0), (result.Orders[1].Status, result.Orders[1].FilledQuantity));
        Assert.Equal([new ReplayFill(1, "AAA", "buy", Day(2), 1_000, 100, 1)], result.Fills);
    }
}
