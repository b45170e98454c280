using InvestmentPlatform.Analytics.Metrics;
using InvestmentPlatform.Analytics.Performance;
using InvestmentPlatform.Analytics.Risk;
using InvestmentPlatform.Analytics.Series;
using static InvestmentPlatform.Analytics.Tests.Precision;

namespace InvestmentPlatform.Analytics.Tests.Metrics;

public sealed class When_the_performance_set_runs_on_a_price_series
{
    private static readonly PriceSeries Series = new("ACME", "stock", "USD",
        new TimeSeries([Day(0), Day(1), Day(2), Day(3), Day(4)], [100, 110, 99, 108.9, 117.612]));

    private static readonly AssetPerformance Result = PerformanceCalculator.Compute(Series, 252, 0, 2);

    [Fact]
    public void Should_date_every_figure_from_the_prices()
    {
        Assert.Equal(5, Result.Observations);
        Assert.Equal(Day(0), Result.From);
        Assert.Equal(Day(1), Result.MaxDrawdown.Peak);
        Assert.Equal(Day(2), Result.MaxDrawdown.Trough);
        Assert.Equal(Day(4), Result.MaxDrawdown.Recovery);
        Assert.Equal(Day(1), Result.BestPeriod.Time);
        Assert.Equal(Day(2), Result.WorstPeriod.Time);
        Assert.Equal(5, Result.Drawdown.Count);
        Assert.Equal([Day(2), Day(3), Day(4)], Result.Rolling.Select(r => r.Time));
    }

    [Fact]
    public void Should_give_the_hand_worked_figures()
    {
        Near(0.17612, Result.TotalReturn);
        Near(Math.Pow(1.17612, 63) - 1, Result.AnnualizedReturn);
        Near(0.9 * Math.Sqrt(252), Result.Sortino);
        Near(-0.1, Result.MaxDrawdown.Depth);
        Near((Math.Pow(1.17612, 63) - 1) / 0.1, Result.Calmar);
    }

    [Fact]
    public void Should_compound_the_cumulative_return_from_the_first_price()
    {
        Assert.Equal(Series.Prices.Times, Result.Cumulative.Select(c => c.Time));
        Near(0, Result.Cumulative[0].Return);
        Near(0.10, Result.Cumulative[1].Return);
        Near(-0.01, Result.Cumulative[2].Return);
        Near(0.17612, Result.Cumulative[^1].Return);
    }

    [Fact]
    public void Should_refuse_a_window_with_fewer_than_two_prices()
    {
        var one = Series with { Prices = new TimeSeries([Day(0)], [100]) };
        var ex = Assert.Throws<AnalyticsException>(() => PerformanceCalculator.Compute(one, 252, 0, 2));
        Assert.Equal(AnalyticsErrorKind.Unprocessable, ex.Kind);
    }

    [Fact]
    public void Should_give_null_rather_than_nan_for_a_flat_series()
    {
        var flat = Series with { Prices = new TimeSeries([Day(0), Day(1), Day(2)], [100, 100, 100]) };
        var result = PerformanceCalculator.Compute(flat, 252, 0, 2);
        Assert.Null(result.Sharpe);
        Assert.Null(result.Sortino);
        Assert.Equal(0, result.TotalReturn);
    }
}

public sealed class When_the_risk_set_runs_with_a_benchmark_on_other_dates
{
    // Asset returns 2%, -1%, 3%, 0% and benchmark 1%, -2%, 2%, 1% on days 1-4; the benchmark also has a day 5 and the
    // asset a day 6 that the other lacks.
    private static readonly PriceSeries Asset = new("A", "stock", "USD", new TimeSeries(
        [Day(0), Day(1), Day(2), Day(3), Day(4), Day(6)], [100, 102, 100.98, 104.0094, 104.0094, 110]));
    private static readonly PriceSeries Bench = new("B", "stock", "USD", new TimeSeries(
        [Day(0), Day(1), Day(2), Day(3), Day(4), Day(5)], [100, 101, 98.98, 100.9596, 101.969196, 90]));

    [Fact]
    public void Should_align_the_asset_with_the_benchmark_for_beta()
    {
        // Days 5 and 6 are each one series' alone: both are left out, so beta is the hand-worked 8/9.
        var report = RiskCalculator.Compute([Asset], Bench, 0.95, 0, _ => 252);
        Near(8.0 / 9, report.Assets[0].Beta);
        Near((0.01 - 8.0 / 9 * 0.005) * 252, report.Assets[0].Alpha);
        Assert.Equal(6, report.Assets[0].Observations);
    }

    [Fact]
    public void Should_give_rolling_beta_on_the_dates_both_share()
    {
        // One window of the 4 common returns is the whole-window beta 8/9. Windows of 2 are Cov/Var over each pair of
        // returns: (2%, -1%) on (1%, -2%) is 1, (-1%, 3%) on (-2%, 2%) is 1, (3%, 0%) on (2%, 1%) is 3.
        var whole = PerformanceCalculator.Compute(Asset, 252, 0, 4, Bench).RollingBeta!;
        var pairs = PerformanceCalculator.Compute(Asset, 252, 0, 2, Bench).RollingBeta!;

        Near(8.0 / 9, Assert.Single(whole).Beta);
        Assert.Equal(Day(4), whole[0].Time);
        Assert.Equal([Day(2), Day(3), Day(4)], pairs.Select(p => p.Time));
        Near(1, pairs[0].Beta);
        Near(1, pairs[1].Beta);
        Near(3, pairs[2].Beta);
        Assert.Null(PerformanceCalculator.Compute(Asset, 252, 0, 2).RollingBeta);
    }
}
