namespace InvestmentPlatform.Analytics.Metrics;

public static class Statistics
{
    public static double Mean(ReadOnlySpan<double> x)
    {
        var sum = 0.0;
        foreach (var v in x)
            sum += v;
        return sum / x.Length;
    }

    /// <summary>Sample variance, divided by n - 1.</summary>
    public static double SampleVariance(ReadOnlySpan<double> x) => SampleCovariance(x, x);

    public static double SampleStdDev(ReadOnlySpan<double> x) => Math.Sqrt(SampleVariance(x));

    /// <summary>Sample covariance, divided by n - 1.</summary>
    public static double SampleCovariance(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length)
            throw new ArgumentException("Series must have the same length.");
        if (x.Length < 2)
            return double.NaN;
        double mx = Mean(x), my = Mean(y), sum = 0;
        for (var i = 0; i < x.Length; i++)
            sum += (x[i] - mx) * (y[i] - my);
        return sum / (x.Length - 1);
    }

    /// <summary>Pearson correlation.</summary>
    public static double Correlation(ReadOnlySpan<double> x, ReadOnlySpan<double> y) =>
        SampleCovariance(x, y) / Math.Sqrt(SampleVariance(x) * SampleVariance(y));
}
