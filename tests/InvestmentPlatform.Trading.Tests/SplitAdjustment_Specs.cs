using InvestmentPlatform.Trading.CorporateActions;

namespace InvestmentPlatform.Trading.Tests;

public class When_a_split_adjusts_an_open_order
{
    [Fact]
    public void Should_multiply_units_and_divide_prices_by_the_ratio()
    {
        // 4-for-1: 50 @ 90 with 10 filled at 88 becomes 200 @ 22.5 with 40 filled at 22
        var after = SplitAdjustment.Adjust(new OrderTerms(50, 10, 90, null, 88), 4, fractional: false);
        Assert.Equal(new OrderTerms(200, 40, 22.5, null, 22), after);
        Assert.Equal("4-for-1 split on 2024-01-11: quantity 50 → 200, limit 90 → 22.5",
            SplitAdjustment.Describe(new DateTime(2024, 1, 11, 0, 0, 0, DateTimeKind.Utc), 4, new OrderTerms(50, 10, 90, null, 88), after));
    }

    [Fact]
    public void Should_round_the_unfilled_rest_down_to_whole_units_after_a_reverse_split_unless_fractional()
    {
        // 1-for-3: 100 units, none filled, stop 10 → 33 whole units (33.33 rounded down), stop 30
        var whole = SplitAdjustment.Adjust(new OrderTerms(100, 0, null, 10, 0), 1.0 / 3, fractional: false);
        Assert.Equal(33, whole.Quantity);
        Assert.Equal(30, whole.StopPrice!.Value, 9);
        Assert.Equal(100.0 / 3, SplitAdjustment.Adjust(new OrderTerms(100, 0, null, 10, 0), 1.0 / 3, fractional: true).Quantity, 9);
        Assert.Equal("1-for-3", SplitAdjustment.Ratio(1.0 / 3));
    }
}
