using System.Globalization;
using InvestmentPlatform.Api.MarketData;

namespace InvestmentPlatform.Formatting.Bench;

/// <summary>A way to write a double as UTF-8; static so the timed loop is compiled once per formatter, with no call through a delegate.</summary>
public interface INumberFormatter
{
    static abstract string Name { get; }
    static abstract bool TryFormat(double value, Span<byte> destination, out int written);
}

public readonly struct RyuFormatter : INumberFormatter
{
    public static string Name => "ShortestDouble (Ryu)";
    public static bool TryFormat(double value, Span<byte> destination, out int written) =>
        ShortestDouble.TryFormat(value, destination, out written);
}

public readonly struct FrameworkFormatter : INumberFormatter
{
    public static string Name => "double.TryFormat (UTF-8)";
    public static bool TryFormat(double value, Span<byte> destination, out int written) =>
        value.TryFormat(destination, out written, default, CultureInfo.InvariantCulture);
}
