using MathNet.Numerics.Distributions;

namespace InvestmentPlatform.Analytics.Metrics;

/// <summary>One-period value at risk and conditional value at risk, as positive fractions lost.</summary>
public static class ValueAtRisk
{
    /// <summary>
    /// -q, q the (1 - confidence) quantile of the returns interpolated linearly between order statistics
    /// (h = (n - 1)(1 - confidence), as numpy's default and Excel's PERCENTILE.INC).
    /// </summary>
    public static double Historical(ReadOnlySpan<double> r, double confidence) => -Quantile(Sorted(r), 1 - confidence);

    /// <summary>-mean of the returns at or below the (1 - confidence) quantile.</summary>
    public static double HistoricalConditional(ReadOnlySpan<double> r, double confidence)
    {
        var sorted = Sorted(r);
        var q = Quantile(sorted, 1 - confidence);
        double sum = 0;
        var count = 0;
        foreach (var v in sorted)
        {
            if (v > q) break;
            sum += v;
            count++;
        }
        return -sum / count;
    }

    /// <summary>Normal: z * s - mean, z = Phi^-1(confidence), s the sample standard deviation.</summary>
    public static double Parametric(ReadOnlySpan<double> r, double confidence) =>
        Normal.InvCDF(0, 1, confidence) * Statistics.SampleStdDev(r) - Statistics.Mean(r);

    /// <summary>Normal: s * phi(z) / (1 - confidence) - mean.</summary>
    public static double ParametricConditional(ReadOnlySpan<double> r, double confidence)
    {
        var z = Normal.InvCDF(0, 1, confidence);
        return Statistics.SampleStdDev(r) * Normal.PDF(0, 1, z) / (1 - confidence) - Statistics.Mean(r);
    }

    /// <summary>Linear interpolation between order statistics at h = (n - 1) p.</summary>
    public static double Quantile(double[] sorted, double p)
    {
        var h = (sorted.Length - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    private static double[] Sorted(ReadOnlySpan<double> r)
    {
        var copy = r.ToArray();
        Array.Sort(copy);
        return copy;
    }
}
