using System.Globalization;

namespace InvestmentPlatform.Analytics;

/// <summary>
/// The change between two quoted prices, exact to their decimals: 123.0005 − 122.0335 is 0.967, not the
/// 0.966999999999999 that binary subtraction leaves. Prices with more than <see cref="MaxDecimals"/> decimals (a
/// converted price) are subtracted as they are.
/// </summary>
public static class PriceChange
{
    public const int MaxDecimals = 10;

    public static double? Of(double? last, double? previous)
    {
        if (last is not { } a || previous is not { } b)
            return null;
        var decimals = Math.Max(Decimals(a), Decimals(b));
        return decimals <= MaxDecimals ? Math.Round(a - b, decimals, MidpointRounding.AwayFromZero) : a - b;
    }

    /// <summary>Decimals of the shortest text that reads back as <paramref name="value"/>; more than MaxDecimals when it has no short form.</summary>
    private static int Decimals(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        if (text.Contains('E'))
            return MaxDecimals + 1;
        var point = text.IndexOf('.');
        return point < 0 ? 0 : text.Length - point - 1;
    }
}
