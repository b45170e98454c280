using InvestmentPlatform.Analytics.Metrics;
using static InvestmentPlatform.Analytics.Tests.Precision;

namespace InvestmentPlatform.Analytics.Tests.Metrics;

public sealed class When_a_window_of_two_slides_over_four_returns
{
    private static readonly List<RollingPoint> Points = RollingWindow.Compute([0.10, -0.10, 0.10, 0.08], 2, 0, 252);

    [Fact]
    public void Should_give_one_point_per_full_window()
    {
        Assert.Equal([1, 2, 3], Points.Select(p => p.End));
    }

    [Fact]
    public void Should_compound_each_window_and_annualise_its_volatility_and_sharpe()
    {
        Near(1.1 * 0.9 - 1, Points[0].Return);
        Near(1.1 * 1.08 - 1, Points[2].Return);
        // [0.1, -0.1]: mean 0, sample variance (0.01 + 0.01) / 1
        Near(Math.Sqrt(0.02) * Math.Sqrt(252), Points[0].Volatility);
        Near(0, Points[0].Sharpe);
        // [0.1, 0.08]: mean 0.09, sample variance (0.0001 + 0.0001) / 1
        Near(0.09 / Math.Sqrt(0.0002) * Math.Sqrt(252), Points[2].Sharpe);
    }

    [Fact]
    public void Should_be_empty_when_the_window_is_longer_than_the_series()
    {
        Assert.Empty(RollingWindow.Compute([0.1, 0.2], 3, 0, 252));
    }
}
