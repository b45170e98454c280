using System.Numerics;

namespace InvestmentPlatform.Analytics.Metrics;

public static class Matrices
{
    /// <summary>Sample covariance (n - 1) of each pair of equally long return series, per period.</summary>
    public static double[][] Covariance(IReadOnlyList<double[]> series)
    {
        var centred = series.Select(Centre).ToArray();
        var n = centred.Length;
        var m = new double[n][];
        for (var i = 0; i < n; i++)
            m[i] = new double[n];
        for (var i = 0; i < n; i++)
        {
            for (var j = i; j < n; j++)
                m[i][j] = m[j][i] = Dot(centred[i], centred[j]) / (centred[i].Length - 1);
        }
        return m;
    }

    /// <summary>Pearson correlation of each pair; exactly 1 on the diagonal.</summary>
    public static double[][] Correlation(IReadOnlyList<double[]> series) => CorrelationFromCovariance(Covariance(series));

    public static double[][] CorrelationFromCovariance(double[][] covariance)
    {
        var n = covariance.Length;
        var m = new double[n][];
        for (var i = 0; i < n; i++)
        {
            m[i] = new double[n];
            for (var j = 0; j < n; j++)
                m[i][j] = i == j ? 1 : covariance[i][j] / Math.Sqrt(covariance[i][i] * covariance[j][j]);
        }
        return m;
    }

    private static double[] Centre(double[] x)
    {
        if (x.Length == 0)
            return x;
        var mean = Statistics.Mean(x);
        return x.Select(v => v - mean).ToArray();
    }

    private static double Dot(double[] a, double[] b)
    {
        if (a.Length != b.Length)
            throw new ArgumentException("Series must have the same length.");
        var width = Vector<double>.Count;
        var acc = Vector<double>.Zero;
        var i = 0;
        for (; i <= a.Length - width; i += width)
            acc += new Vector<double>(a, i) * new Vector<double>(b, i);
        var sum = Vector.Sum(acc);
        for (; i < a.Length; i++)
            sum += a[i] * b[i];
        return sum;
    }
}
