using System.Text.Json;
using InvestmentPlatform.Contracts.Ingestion;
using MassTransit.Serialization;

namespace InvestmentPlatform.Ingestion.Tests;

public sealed class When_rows_travel_as_a_block
{
    private static readonly DateTime Start = new(2024, 3, 1, 14, 30, 0, DateTimeKind.Utc);

    private static readonly List<SeriesRow> Rows =
    [
        new(Start, 101.25, 102.5, 100.75, 102.0, 101.9, 1_250_000),
        new(Start.AddMinutes(1).AddTicks(1), 0.1, 0.30000000000000004, -5e-324, double.MaxValue, null, null),
        new(Start.AddDays(1), 50, 51, 49, 50.5, 25.25, 0, Dividends: 0.24, StockSplits: 2),
        new(DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc), 1, 1, 1, 1, null, 7),
    ];

    [Fact]
    public void Should_give_back_every_value_exactly_including_missing_ones()
    {
        var block = SeriesRowBlock.From(Rows);

        Assert.Equal(Rows.Count, block.Count);
        Assert.Equal(Rows.Count * SeriesRowBlock.BytesPerRow, block.Data.Length);
        var back = block.ToRows();
        Assert.Equal(Rows, back);
        Assert.All(back, r => Assert.Equal(DateTimeKind.Utc, r.Time.Kind));
    }

    [Fact]
    public void Should_survive_the_bus_json_unchanged()
    {
        var message = new DataCollected(Guid.NewGuid(), Guid.NewGuid(), 2, true, "yahoo", "AAPL", "stock", "1d",
            new AssetDescription("AAPL", "Apple", "stock", "USD", "NMS", "yahoo", new Dictionary<string, string>()),
            SeriesRowBlock.From(Rows), 3);

        var json = JsonSerializer.Serialize(message, SystemTextJsonMessageSerializer.Options);
        var back = JsonSerializer.Deserialize<DataCollected>(json, SystemTextJsonMessageSerializer.Options)!;

        var rows = JsonDocument.Parse(json).RootElement.GetProperty("rows");
        Assert.Equal(4, rows.GetProperty("count").GetInt32());
        Assert.Equal(4 * SeriesRowBlock.BytesPerRow, rows.GetProperty("data").GetBytesFromBase64().Length);
        Assert.Equal(Rows, back.Rows.ToRows());
        Assert.Equal(3, back.RejectedCount);
    }

    [Fact]
    public void Should_keep_an_empty_part_empty()
    {
        Assert.Empty(SeriesRowBlock.From([]).ToRows());
    }

    [Theory]
    [InlineData(2, 2 * SeriesRowBlock.BytesPerRow - 1)]
    [InlineData(1, 2 * SeriesRowBlock.BytesPerRow)]
    [InlineData(-1, 0)]
    public void Should_refuse_data_that_does_not_hold_its_count(int count, int bytes)
    {
        var error = Assert.Throws<FormatException>(() => new SeriesRowBlock(count, new byte[bytes]).ToRows());
        Assert.Contains("row block", error.Message);
    }

    [Fact]
    public void Should_refuse_a_time_out_of_range()
    {
        var block = SeriesRowBlock.From(Rows.Take(1).ToList());
        BitConverter.TryWriteBytes(block.Data.AsSpan(0, 8), -1L);

        Assert.Throws<FormatException>(() => block.ToRows());
    }
}
