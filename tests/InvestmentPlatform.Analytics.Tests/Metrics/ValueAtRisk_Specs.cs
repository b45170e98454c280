using InvestmentPlatform.Analytics.Metrics;
using static InvestmentPlatform.Analytics.Tests.Precision;

namespace InvestmentPlatform.Analytics.Tests.Metrics;

public sealed class When_value_at_risk_runs_on_ten_returns
{
    // Sorted: -0.05 -0.04 -0.03 -0.02 -0.01 0 0.01 0.02 0.03 0.04; mean -0.005;
    // squared deviations from the mean sum to 0.00825, so the sample variance is 0.00825 / 9.
    private static readonly double[] R = [-0.05, -0.02, 0.01, 0.03, -0.04, 0.02, 0.00, -0.01, 0.04, -0.03];

    // Phi^-1(0.95) and Phi^-1(0.99) to double precision (published tables, scipy.stats.norm.ppf).
    private const double Z95 = 1.6448536269514722;
    private const double Z99 = 2.3263478740408408;

    [Fact]
    public void Should_interpolate_the_historical_quantile_between_order_statistics()
    {
        // 90%: h = 9 * 0.1 = 0.9 -> -0.05 + 0.9 * 0.01 = -0.041 (numpy.percentile(r, 10))
        Near(0.041, ValueAtRisk.Historical(R, 0.90));
        // 80%: h = 1.8 -> -0.04 + 0.8 * 0.01 = -0.032
        Near(0.032, ValueAtRisk.Historical(R, 0.80));
    }

    [Fact]
    public void Should_average_the_returns_at_or_below_the_quantile_for_historical_cvar()
    {
        Near(0.05, ValueAtRisk.HistoricalConditional(R, 0.90));
        Near(0.045, ValueAtRisk.HistoricalConditional(R, 0.80));
    }

    [Fact]
    public void Should_use_the_normal_quantile_and_sample_deviation_for_parametric_var()
    {
        var s = Math.Sqrt(0.00825 / 9);
        Near(Z95 * s + 0.005, ValueAtRisk.Parametric(R, 0.95));
        Near(Z99 * s + 0.005, ValueAtRisk.Parametric(R, 0.99));
    }

    [Fact]
    public void Should_use_the_normal_tail_mean_for_parametric_cvar()
    {
        var s = Math.Sqrt(0.00825 / 9);
        var density = Math.Exp(-Z95 * Z95 / 2) / Math.Sqrt(2 * Math.PI);
        Near(s * density / 0.05 + 0.005, ValueAtRisk.ParametricConditional(R, 0.95));
    }
}
