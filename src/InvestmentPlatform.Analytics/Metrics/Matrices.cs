namespace InvestmentPlatform.Analytics.Metrics;

public static class Matrices
{
    /// <summary>Sample covariance (n - 1) of each pair of equally long return series, per period.</summary>
    public static double[][] Covariance(IReadOnlyList<double[]> series) =>
        Build(series, (a, b) => Statistics.SampleCovariance(a, b));

    /// <summary>Pearson correlation of each pair.</summary>
    public static double[][] Correlation(IReadOnlyList<double[]> series) =>
        Build(series, (a, b) => ReferenceEquals(a, b) ? 1 : Statistics.Correlation(a, b));

    private static double[][] Build(IReadOnlyList<double[]> series, Func<double[], double[], double> f)
    {
        var n = series.Count;
        var m = new double[n][];
        for (var i = 0; i < n; i++)
            m[i] = new double[n];
        for (var i = 0; i < n; i++)
        {
            for (var j = i; j < n; j++)
                m[i][j] = m[j][i] = f(series[i], series[j]);
        }
        return m;
    }
}
