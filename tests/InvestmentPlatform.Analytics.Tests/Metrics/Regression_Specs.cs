using InvestmentPlatform.Analytics.Metrics;
using static InvestmentPlatform.Analytics.Tests.Precision;

namespace InvestmentPlatform.Analytics.Tests.Metrics;

public sealed class When_an_asset_is_compared_with_a_benchmark
{
    // Means 0.01 and 0.005; sums of products of deviations: cov 0.0008, var(b) 0.0009, var(a) 0.001 (each over n - 1).
    private static readonly double[] A = [0.02, -0.01, 0.03, 0.00];
    private static readonly double[] B = [0.01, -0.02, 0.02, 0.01];

    [Fact]
    public void Should_give_beta_as_covariance_over_benchmark_variance()
    {
        Near(8.0 / 9, Regression.Beta(A, B));
    }

    [Fact]
    public void Should_annualise_jensens_alpha_arithmetically()
    {
        Near((0.01 - 8.0 / 9 * 0.005) * 252, Regression.Alpha(A, B, 0, 252));
        var rf = Math.Pow(1.03, 1.0 / 252) - 1;
        Near((0.01 - rf - 8.0 / 9 * (0.005 - rf)) * 252, Regression.Alpha(A, B, 0.03, 252));
    }

    [Fact]
    public void Should_build_sample_covariance_and_correlation_matrices()
    {
        var cov = Matrices.Covariance([A, B]);
        Near(0.001 / 3, cov[0][0]);
        Near(0.0008 / 3, cov[0][1]);
        Near(0.0008 / 3, cov[1][0]);
        Near(0.0009 / 3, cov[1][1]);
        var corr = Matrices.Correlation([A, B]);
        Assert.Equal(1, corr[0][0]);
        Near(0.8 / Math.Sqrt(0.9), corr[0][1]);
    }
}

public sealed class When_series_have_different_dates
{
    [Fact]
    public void Should_keep_only_the_common_dates_and_never_fill_a_gap()
    {
        var a = new TimeSeries([Precision.Day(0), Precision.Day(1), Precision.Day(2), Precision.Day(3)], [100, 101, 102, 103]);
        var b = new TimeSeries([Precision.Day(0), Precision.Day(2), Precision.Day(3), Precision.Day(4)], [50, 51, 52, 53]);
        var aligned = Returns.AlignOnCommonTimes([a, b]);
        Assert.Equal([Precision.Day(0), Precision.Day(2), Precision.Day(3)], aligned[0].Times);
        Assert.Equal([100.0, 102, 103], aligned[0].Values);
        Assert.Equal([50.0, 51, 52], aligned[1].Values);
        // the first aligned return of a spans two days: 102 / 100 - 1, not a zero for the missing day
        Near(0.02, Returns.Simple(aligned[0]).Values[0]);
    }
}

public sealed class When_money_goes_in_and_comes_out
{
    [Fact]
    public void Should_find_the_annual_rate_of_one_year_at_ten_percent()
    {
        var t0 = Precision.Day(0);
        Near(0.10, Irr.Annual([(t0, -1000), (t0.AddDays(365), 1100)]));
    }

    [Fact]
    public void Should_discount_each_flow_by_its_own_time()
    {
        // 1000 for two years and 1000 for one at 10%: 1210 + 1100 = 2310
        var t0 = Precision.Day(0);
        Near(0.10, Irr.Annual([(t0, -1000), (t0.AddDays(365), -1000), (t0.AddDays(730), 2310)]));
    }

    [Fact]
    public void Should_give_none_without_a_sign_change()
    {
        Assert.Null(Irr.Annual([(Precision.Day(0), 1000), (Precision.Day(1), 10)]));
    }
}
