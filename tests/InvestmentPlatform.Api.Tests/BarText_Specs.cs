using System.Text;
using System.Text.Json;
using InvestmentPlatform.Api.MarketData;

namespace InvestmentPlatform.Api.Tests;

public class BarText_Specs
{
    [Theory]
    [InlineData("2023-01-01T00:00:00Z")]
    [InlineData("2024-02-29T23:59:59Z")]
    [InlineData("1999-12-31T09:05:07.5Z")]
    [InlineData("2023-06-15T14:30:00.0000001Z")]
    [InlineData("2023-06-15T14:30:00.123Z")]
    public void Writes_times_as_the_json_serializer_does(string iso)
    {
        var time = DateTime.Parse(iso, null, System.Globalization.DateTimeStyles.AdjustToUniversal);
        var buffer = new byte[64];

        var written = BarText.WriteTime(time, buffer);

        Assert.Equal(JsonSerializer.Serialize(time).Trim('"'), Encoding.ASCII.GetString(buffer, 0, written));
    }

    [Theory]
    [InlineData("2023-01-01 00:00:00")]
    [InlineData("2024-02-29 23:59:59")]
    [InlineData("1999-12-31 09:05:07.5")]
    [InlineData("2023-06-15 14:30:00.0000001")]
    [InlineData("2023-06-15 14:30:00.123")]
    public void Reads_stored_sqlite_times_as_the_reader_does(string stored)
    {
        Assert.True(BarText.TryParseStoredTime(stored, out var time));

        var expected = DateTime.SpecifyKind(DateTime.Parse(stored, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);
        Assert.Equal(expected, time);
        Assert.Equal(DateTimeKind.Utc, time.Kind);
    }

    [Theory]
    [InlineData("2023-01-01T00:00:00Z")]
    [InlineData("2023-01-01 00:00:00+02:00")]
    [InlineData("2023-02-30 00:00:00")]
    [InlineData("2023-01-01 24:00:00")]
    [InlineData("2023-01-01 00:00:00.")]
    [InlineData("2023-01-01")]
    public void Leaves_any_other_text_to_the_reader(string stored) =>
        Assert.False(BarText.TryParseStoredTime(stored, out _));
}
