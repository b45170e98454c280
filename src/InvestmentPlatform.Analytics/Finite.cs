namespace InvestmentPlatform.Analytics;

internal static class Finite
{
    /// <summary>Null for NaN and infinities (a flat series has no Sharpe ratio), which JSON cannot carry.</summary>
    public static double? OrNull(double value) => double.IsFinite(value) ? value : null;
}
