namespace InvestmentPlatform.Analytics.Tests;

internal static class Precision
{
    /// <summary>Equal to 1e-9 relative (absolute near zero).</summary>
    public static void Near(double expected, double? actual, double tolerance = 1e-9)
    {
        Assert.NotNull(actual);
        var scale = Math.Max(1e-12, Math.Abs(expected));
        Assert.True(Math.Abs(expected - actual!.Value) <= tolerance * scale,
            $"expected {expected:R}, actual {actual:R} (relative error {Math.Abs(expected - actual.Value) / scale:E2})");
    }

    public static DateTime Day(int offset) => new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(offset);
}
