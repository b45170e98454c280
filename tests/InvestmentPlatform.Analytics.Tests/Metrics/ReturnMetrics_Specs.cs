using InvestmentPlatform.Analytics.Metrics;
using static InvestmentPlatform.Analytics.Tests.Precision;

namespace InvestmentPlatform.Analytics.Tests.Metrics;

// Prices 100, 110, 99, 108.9, 117.612 give returns +10%, -10%, +10%, +8%, worked by hand below.
public sealed class When_metrics_run_on_four_hand_worked_returns
{
    private static readonly TimeSeries Prices = new([Day(0), Day(1), Day(2), Day(3), Day(4)], [100, 110, 99, 108.9, 117.612]);
    private static readonly double[] R = Returns.Simple(Prices).Values;

    [Fact]
    public void Should_take_simple_returns_dated_at_the_end_of_each_period()
    {
        var returns = Returns.Simple(Prices);
        Assert.Equal([Day(1), Day(2), Day(3), Day(4)], returns.Times);
        Near(0.10, returns.Values[0]);
        Near(-0.10, returns.Values[1]);
        Near(0.10, returns.Values[2]);
        Near(0.08, returns.Values[3]);
    }

    [Fact]
    public void Should_compound_the_total_and_annualise_geometrically()
    {
        Near(0.17612, ReturnMetrics.TotalReturn(R));
        Near(Math.Pow(1.17612, 252.0 / 4) - 1, ReturnMetrics.AnnualizedReturn(R, 252));
        Near(Math.Pow(1.17612, 365.0 / 4) - 1, ReturnMetrics.AnnualizedReturn(R, 365));
    }

    [Fact]
    public void Should_use_the_sample_standard_deviation()
    {
        // mean 0.045; squared deviations 0.003025 + 0.021025 + 0.003025 + 0.001225 = 0.0283, over n - 1 = 3
        Near(Math.Sqrt(0.0283 / 3), Statistics.SampleStdDev(R));
        Near(Math.Sqrt(0.0283 / 3) * Math.Sqrt(252), ReturnMetrics.AnnualizedVolatility(R, 252));
    }

    [Fact]
    public void Should_give_the_sharpe_ratio_against_the_compounded_down_risk_free_rate()
    {
        Near(0.045 / Math.Sqrt(0.0283 / 3) * Math.Sqrt(252), ReturnMetrics.Sharpe(R, 0, 252));
        var rf = Math.Pow(1.05, 1.0 / 252) - 1;
        Near((0.045 - rf) / Math.Sqrt(0.0283 / 3) * Math.Sqrt(252), ReturnMetrics.Sharpe(R, 0.05, 252));
    }

    [Fact]
    public void Should_give_sortino_with_downside_deviation_over_all_periods()
    {
        // only -10% falls below 0: DD = sqrt(0.01 / 4) = 0.05
        Near(0.045 / 0.05 * Math.Sqrt(252), ReturnMetrics.Sortino(R, 0, 252));
    }

    [Fact]
    public void Should_find_the_best_and_worst_periods_first_on_ties()
    {
        var (best, worst) = ReturnMetrics.Extremes(R);
        Assert.Equal(0, best);
        Assert.Equal(1, worst);
    }
}

// Red Rock Capital, "Sortino: A 'Sharper' Ratio" (Rollinger & Hoffman), worked example: annual returns
// 17, 15, 23, -5, 12, 9, 13, -4 percent, target 0: average 10%, target downside deviation 2.26%, Sortino 4.417.
public sealed class When_sortino_runs_on_the_published_red_rock_example
{
    private static readonly double[] Annual = [0.17, 0.15, 0.23, -0.05, 0.12, 0.09, 0.13, -0.04];

    [Fact]
    public void Should_match_the_published_figures()
    {
        Near(Math.Sqrt((0.05 * 0.05 + 0.04 * 0.04) / 8), ReturnMetrics.DownsideDeviation(Annual, 0));
        Near(0.10 / Math.Sqrt(0.0041 / 8), ReturnMetrics.Sortino(Annual, 0, 1));
        Assert.Equal(4.417, Math.Round(ReturnMetrics.Sortino(Annual, 0, 1), 3));
        Assert.Equal(0.0226, Math.Round(ReturnMetrics.DownsideDeviation(Annual, 0), 4));
    }
}
