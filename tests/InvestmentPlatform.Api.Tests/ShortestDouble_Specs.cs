using System.Globalization;
using System.Text;
using InvestmentPlatform.Api.MarketData;

namespace InvestmentPlatform.Api.Tests;

public class ShortestDouble_Specs
{
    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(-0.0, "-0")]
    [InlineData(1.0, "1")]
    [InlineData(1000.0, "1000")]
    [InlineData(100.5, "100.5")]
    [InlineData(-42.125, "-42.125")]
    [InlineData(0.1, "0.1")]
    [InlineData(0.30000000000000004, "0.30000000000000004")]
    [InlineData(182.8800048828125, "182.8800048828125")]
    [InlineData(1e20, "100000000000000000000")]
    [InlineData(1e21, "1E+21")]
    [InlineData(1.5e-7, "0.00000015")]
    [InlineData(9.9e-8, "9.9E-8")]
    [InlineData(5e-324, "5E-324")]
    [InlineData(double.MaxValue, "1.7976931348623157E+308")]
    [InlineData(9007199254740992.0, "9007199254740992")]
    public void Writes_the_shortest_text_in_plain_or_scientific_notation(double value, string expected)
    {
        Assert.Equal(expected, Format(value));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Refuses_values_json_cannot_hold(double value)
    {
        Assert.False(ShortestDouble.TryFormat(value, new byte[ShortestDouble.MaxLength], out _));
    }

    [Fact]
    public void Reads_back_exactly_with_the_same_digits_as_the_framework_for_a_million_values()
    {
        var random = new Random(20261128);
        var buffer = new byte[ShortestDouble.MaxLength];
        for (var i = 0; i < 1_000_000; i++)
        {
            // Any bit pattern, prices rounded to a tick, and prices with full binary noise.
            var value = (i % 3) switch
            {
                0 => BitConverter.Int64BitsToDouble(random.NextInt64(long.MinValue, long.MaxValue)),
                1 => Math.Round(random.NextDouble() * 100_000, random.Next(0, 9)),
                _ => 100 + Math.Sin(i / 500.0) * 10,
            };
            if (!double.IsFinite(value))
                continue;

            Assert.True(ShortestDouble.TryFormat(value, buffer, out var written));
            var ours = Encoding.ASCII.GetString(buffer, 0, written);
            Assert.Equal(value, double.Parse(ours, CultureInfo.InvariantCulture));
            Assert.Equal(Digits(value.ToString("R", CultureInfo.InvariantCulture)), Digits(ours));
        }
    }

    private static string Format(double value)
    {
        var buffer = new byte[ShortestDouble.MaxLength];
        Assert.True(ShortestDouble.TryFormat(value, buffer, out var written));
        return Encoding.ASCII.GetString(buffer, 0, written);
    }

    /// <summary>Significant digits and decimal exponent, whatever the notation.</summary>
    private static (string Digits, int Exponent) Digits(string text)
    {
        text = text.TrimStart('-');
        var exponent = 0;
        var e = text.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(text[(e + 1)..], CultureInfo.InvariantCulture);
            text = text[..e];
        }
        var point = text.IndexOf('.');
        var wholeLength = point < 0 ? text.Length : point;
        var all = text.Replace(".", "");
        var leading = all.Length - all.TrimStart('0').Length;
        var significant = all.Trim('0');
        return significant.Length == 0 ? ("0", 0) : (significant, exponent + wholeLength - leading - 1);
    }
}
