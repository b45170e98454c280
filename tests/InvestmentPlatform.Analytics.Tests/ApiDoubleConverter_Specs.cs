using System.Text.Json;
using InvestmentPlatform.Analytics;

namespace InvestmentPlatform.Analytics.Tests;

public class ApiDoubleConverter_Specs
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new ApiDoubleConverter() } };

    private sealed record Figures(double Value, double? Maybe);

    [Theory]
    [InlineData(0.1 + 0.2, "0.3")]
    [InlineData(1.0 / 3.0, "0.333333333333333")]
    [InlineData(0.07 * 3, "0.21")]
    [InlineData(1.1 * 1.1, "1.21")]
    [InlineData(64.64, "64.64")]
    [InlineData(123456789.123456, "123456789.123456")]
    [InlineData(-0.0125, "-0.0125")]
    [InlineData(0.0, "0")]
    [InlineData(2964137.0, "2964137")]
    [InlineData(1.5e-7, "1.5E-07")]
    [InlineData(1e21, "1E+21")]
    public void Writes_at_most_15_significant_digits_so_arithmetic_noise_never_shows(double value, string expected)
    {
        var json = JsonSerializer.Serialize(new Figures(value, value), Options);

        Assert.Equal($"{{\"value\":{expected},\"maybe\":{expected}}}", json);
        // What is written is valid JSON that reads back to the value within its 15 digits.
        var back = JsonSerializer.Deserialize<Figures>(json, Options)!;
        Assert.Equal(value, back.Value, 1e-15 * Math.Max(1, Math.Abs(value)));
    }

    [Fact]
    public void Writes_null_for_a_missing_value_and_reads_numbers_and_numeric_strings_as_before()
    {
        Assert.Equal("{\"value\":1,\"maybe\":null}", JsonSerializer.Serialize(new Figures(1, null), Options));
        Assert.Equal(new Figures(2.5, 7), JsonSerializer.Deserialize<Figures>("{\"value\":2.5,\"maybe\":\"7\"}", Options));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Figures>("{\"value\":\"seven\"}", Options));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Figures>("{\"value\":true}", Options));
    }

    [Fact]
    public void Refuses_to_write_a_value_that_is_not_a_number_as_the_default_does()
    {
        Assert.Throws<ArgumentException>(() => JsonSerializer.Serialize(new Figures(double.NaN, null), Options));
    }
}

public class PriceChange_Specs
{
    [Theory]
    [InlineData(123.0005, 122.0335, 0.967)]
    [InlineData(122.0335, 121.9576, 0.0759)]
    [InlineData(0.3, 0.1, 0.2)]
    [InlineData(1.10215, 1.1034, -0.00125)]
    [InlineData(100.0, 100.0, 0.0)]
    public void Is_exact_to_the_prices_decimals(double last, double previous, double expected)
    {
        Assert.Equal(expected, PriceChange.Of(last, previous));
    }

    [Fact]
    public void Subtracts_a_price_with_no_short_form_as_it_is_and_has_no_change_without_both_prices()
    {
        Assert.Equal(1.0 / 3 - 0.25, PriceChange.Of(1.0 / 3, 0.25));
        Assert.Null(PriceChange.Of(1.5, null));
        Assert.Null(PriceChange.Of(null, 1.5));
    }
}
