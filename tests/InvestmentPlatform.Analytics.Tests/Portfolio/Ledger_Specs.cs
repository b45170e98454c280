using InvestmentPlatform.Analytics.Portfolio;
using static InvestmentPlatform.Analytics.Tests.Precision;

namespace InvestmentPlatform.Analytics.Tests.Portfolio;

internal static class Tx
{
    public static LedgerEntry Buy(int day, double q, double p, double fee = 0) => new(TransactionTypes.Buy, 1, "ACME", Day(day), q, p, 0, fee, "USD");
    public static LedgerEntry Sell(int day, double q, double p, double fee = 0) => new(TransactionTypes.Sell, 1, "ACME", Day(day), q, p, 0, fee, "USD");
    public static LedgerEntry Split(int day, double ratio) => new(TransactionTypes.Split, 1, "ACME", Day(day), ratio, 0, 0, 0, "USD");
    public static LedgerEntry Cash(string type, int day, double amount, string currency = "USD") => new(type, null, null, Day(day), 0, 0, amount, 0, currency);
}

public sealed class When_lots_are_sold_first_in_first_out
{
    private readonly Ledger _ledger = new(CostBasisMethods.Fifo, allowShort: false);

    public When_lots_are_sold_first_in_first_out()
    {
        _ledger.Apply(Tx.Cash(TransactionTypes.Deposit, 0, 5000));
        _ledger.Apply(Tx.Buy(1, 10, 100, fee: 10)); // unit cost 101
        _ledger.Apply(Tx.Buy(2, 10, 120));
        _ledger.Apply(Tx.Sell(3, 15, 130, fee: 5));
    }

    [Fact]
    public void Should_close_the_oldest_lot_first()
    {
        var p = _ledger.Positions[1];
        // 10 x (130 - 101) + 5 x (130 - 120) - 5
        Near(335, p.RealizedPnl);
        Near(5, p.Quantity);
        Near(600, p.CostBasis);
        Near(120, p.AverageCost);
    }

    [Fact]
    public void Should_move_the_cash()
    {
        // 5000 - 1010 - 1200 + 1950 - 5
        Near(4735, _ledger.Cash["USD"]);
    }

    [Fact]
    public void Should_multiply_quantities_and_divide_costs_on_a_split()
    {
        _ledger.Apply(Tx.Split(4, 2));
        var p = _ledger.Positions[1];
        Near(10, p.Quantity);
        Near(600, p.CostBasis);
        Near(60, p.AverageCost);
    }

    [Fact]
    public void Should_refuse_to_sell_more_than_held()
    {
        var ex = Assert.Throws<AnalyticsException>(() => _ledger.Apply(Tx.Sell(5, 6, 130)));
        Assert.Equal(AnalyticsErrorKind.Unprocessable, ex.Kind);
        Assert.Contains("only 5", ex.Message);
    }
}

public sealed class When_lots_are_kept_at_average_cost
{
    [Fact]
    public void Should_realise_against_the_average()
    {
        var ledger = new Ledger(CostBasisMethods.Average, allowShort: false);
        ledger.Apply(Tx.Buy(1, 10, 100, fee: 10));
        ledger.Apply(Tx.Buy(2, 10, 120));
        ledger.Apply(Tx.Sell(3, 15, 130, fee: 5));
        var p = ledger.Positions[1];
        // average (1010 + 1200) / 20 = 110.5; 15 x (130 - 110.5) - 5
        Near(287.5, p.RealizedPnl);
        Near(5, p.Quantity);
        Near(552.5, p.CostBasis);
    }
}

public sealed class When_shorting_is_enabled
{
    [Fact]
    public void Should_open_a_short_lot_and_realise_when_covered()
    {
        var ledger = new Ledger(CostBasisMethods.Fifo, allowShort: true);
        ledger.Apply(Tx.Buy(1, 5, 100));
        ledger.Apply(Tx.Sell(2, 8, 110)); // closes 5 long (+50), opens 3 short at 110
        Near(-3, ledger.Positions[1].Quantity);
        Near(50, ledger.Positions[1].RealizedPnl);
        ledger.Apply(Tx.Buy(3, 3, 90)); // covers 3 x (110 - 90)
        Near(0, ledger.Positions[1].Quantity);
        Near(110, ledger.Positions[1].RealizedPnl);
    }
}

public sealed class When_cash_would_go_negative
{
    [Fact]
    public void Should_count_the_shortfall_as_an_implicit_deposit()
    {
        var ledger = new Ledger(CostBasisMethods.Fifo, allowShort: false);
        ledger.Apply(Tx.Cash(TransactionTypes.Deposit, 0, 300));
        var flows = ledger.Apply(Tx.Buy(1, 10, 100, fee: 1));
        Near(701, flows["USD"]);
        Near(0, ledger.Cash["USD"]);
    }

    [Fact]
    public void Should_refuse_a_withdrawal_beyond_the_cash_held()
    {
        var ledger = new Ledger(CostBasisMethods.Fifo, allowShort: false);
        ledger.Apply(Tx.Cash(TransactionTypes.Deposit, 0, 100));
        Assert.Throws<AnalyticsException>(() => ledger.Apply(Tx.Cash(TransactionTypes.Withdrawal, 1, 150)));
        var flows = ledger.Apply(Tx.Cash(TransactionTypes.Withdrawal, 1, 40));
        Near(-40, flows["USD"]);
        Near(60, ledger.Cash["USD"]);
    }
}

public sealed class When_transactions_would_leave_finite_numbers_behind
{
    [Fact]
    public void Should_refuse_a_split_that_overflows_a_position_and_leave_the_ledger_unchanged()
    {
        var ledger = new Ledger(CostBasisMethods.Fifo, allowShort: false);
        ledger.Apply(Tx.Buy(1, 1e10, 1));
        ledger.Apply(Tx.Split(2, 1_000));

        var ex = Assert.Throws<AnalyticsException>(() => ledger.Apply(Tx.Split(3, 1_000)));

        Assert.Equal(AnalyticsErrorKind.Unprocessable, ex.Kind);
        Near(1e13, ledger.Positions[1].Quantity);
        Assert.True(double.IsFinite(ledger.Positions[1].CostBasis));
    }

    [Theory]
    [InlineData(TransactionTypes.Deposit, 0, 0, 1.7e308, 0)]
    [InlineData(TransactionTypes.Buy, 1e10, 1e10, 0, 0)]
    [InlineData(TransactionTypes.Buy, 1, 1, 0, 1e300)]
    [InlineData(TransactionTypes.Split, 1e6, 0, 0, 0)]
    public void Should_refuse_amounts_beyond_the_limits(string type, double quantity, double price, double amount, double fee) =>
        Assert.Equal(AnalyticsErrorKind.Unprocessable,
            Assert.Throws<AnalyticsException>(() => TransactionLimits.Check(type, quantity, price, amount, fee)).Kind);
}
