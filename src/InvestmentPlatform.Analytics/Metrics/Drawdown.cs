namespace InvestmentPlatform.Analytics.Metrics;

/// <summary>The deepest fall of the compounded wealth curve from a running peak.</summary>
/// <param name="Depth">W_trough / W_peak - 1 (zero or negative).</param>
/// <param name="Peak">Index of the peak in the wealth curve (0 is the start, before the first return).</param>
/// <param name="Trough">Index of the trough.</param>
/// <param name="Recovery">First index after the trough where wealth is back at the peak, or null.</param>
public sealed record MaxDrawdown(double Depth, int? Peak, int? Trough, int? Recovery);

public static class Drawdown
{
    /// <summary>Wealth W_0 = 1, W_i = prod(1 + r_j), j ≤ i: one point more than the returns.</summary>
    public static double[] WealthCurve(ReadOnlySpan<double> r)
    {
        var wealth = new double[r.Length + 1];
        wealth[0] = 1;
        for (var i = 0; i < r.Length; i++)
            wealth[i + 1] = wealth[i] * (1 + r[i]);
        return wealth;
    }

    /// <summary>D_i = W_i / max(W_0..W_i) - 1 for every point of the wealth curve.</summary>
    public static double[] Underwater(ReadOnlySpan<double> wealth)
    {
        var result = new double[wealth.Length];
        var peak = double.MinValue;
        for (var i = 0; i < wealth.Length; i++)
        {
            peak = Math.Max(peak, wealth[i]);
            result[i] = wealth[i] / peak - 1;
        }
        return result;
    }

    public static MaxDrawdown Maximum(ReadOnlySpan<double> wealth)
    {
        int peak = 0, runningPeak = 0, trough = -1;
        var depth = 0.0;
        for (var i = 0; i < wealth.Length; i++)
        {
            // >= so a drawdown is measured from the latest time wealth stood at its high.
            if (wealth[i] >= wealth[runningPeak])
                runningPeak = i;
            var d = wealth[i] / wealth[runningPeak] - 1;
            if (d < depth)
            {
                depth = d;
                peak = runningPeak;
                trough = i;
            }
        }
        if (trough < 0)
            return new MaxDrawdown(0, null, null, null);
        int? recovery = null;
        for (var i = trough + 1; i < wealth.Length; i++)
        {
            if (wealth[i] >= wealth[peak])
            {
                recovery = i;
                break;
            }
        }
        return new MaxDrawdown(depth, peak, trough, recovery);
    }

    /// <summary>Annualised return over |maximum drawdown|; null when there was no drawdown.</summary>
    public static double? Calmar(double annualizedReturn, double maxDrawdownDepth) =>
        maxDrawdownDepth < 0 ? annualizedReturn / -maxDrawdownDepth : null;
}
