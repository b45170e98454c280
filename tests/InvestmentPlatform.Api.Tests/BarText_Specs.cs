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
}
