using InvestmentPlatform.Analytics.Metrics;
using static InvestmentPlatform.Analytics.Tests.Precision;

namespace InvestmentPlatform.Analytics.Tests.Metrics;

public sealed class When_the_wealth_curve_falls_and_recovers
{
    // Wealth 1, 1.1, 0.99, 1.089, 1.17612: peak 1.1 (index 1), trough 0.99 (index 2), back above 1.1 at index 4.
    private static readonly double[] R = [0.10, -0.10, 0.10, 0.08];

    [Fact]
    public void Should_compound_the_wealth_curve_from_one()
    {
        var w = Drawdown.WealthCurve(R);
        Assert.Equal(5, w.Length);
        Near(1, w[0]);
        Near(0.99, w[2]);
        Near(1.17612, w[4]);
    }

    [Fact]
    public void Should_measure_depth_peak_trough_and_recovery()
    {
        var max = Drawdown.Maximum(Drawdown.WealthCurve(R));
        Near(0.99 / 1.1 - 1, max.Depth);
        Assert.Equal(1, max.Peak);
        Assert.Equal(2, max.Trough);
        Assert.Equal(4, max.Recovery);
    }

    [Fact]
    public void Should_give_the_underwater_curve()
    {
        var u = Drawdown.Underwater(Drawdown.WealthCurve(R));
        Near(0, u[1]);
        Near(-0.1, u[2]);
        Near(1.089 / 1.1 - 1, u[3]);
        Near(0, u[4]);
    }

    [Fact]
    public void Should_divide_the_annualised_return_by_the_depth_for_calmar()
    {
        Near(0.3 / 0.1, Drawdown.Calmar(0.3, -0.1));
        Assert.Null(Drawdown.Calmar(0.3, 0));
    }
}

public sealed class When_the_curve_never_recovers_or_never_falls
{
    [Fact]
    public void Should_leave_recovery_null_while_below_the_peak()
    {
        // wealth 1, 1.2, 0.96, 1.008: deepest 0.96 / 1.2 - 1 = -0.2, not recovered
        var max = Drawdown.Maximum(Drawdown.WealthCurve([0.2, -0.2, 0.05]));
        Near(-0.2, max.Depth);
        Assert.Equal(1, max.Peak);
        Assert.Equal(2, max.Trough);
        Assert.Null(max.Recovery);
    }

    [Fact]
    public void Should_measure_from_the_first_price_when_it_falls_at_once()
    {
        var max = Drawdown.Maximum(Drawdown.WealthCurve([-0.5, 0.5, 0.5]));
        Near(-0.5, max.Depth);
        Assert.Equal(0, max.Peak);
        Assert.Equal(1, max.Trough);
        Assert.Equal(3, max.Recovery); // 0.5, 0.75, 1.125
    }

    [Fact]
    public void Should_report_no_drawdown_for_a_rising_curve()
    {
        var max = Drawdown.Maximum(Drawdown.WealthCurve([0.01, 0.02]));
        Assert.Equal(0, max.Depth);
        Assert.Null(max.Peak);
        Assert.Null(max.Trough);
    }
}
