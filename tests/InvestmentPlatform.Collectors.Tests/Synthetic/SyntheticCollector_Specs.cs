using InvestmentPlatform.Collectors.Core;
using InvestmentPlatform.Collectors.Sources.Synthetic;
using InvestmentPlatform.Collectors.Tests.Infrastructure;
using InvestmentPlatform.Contracts.Ingestion;
using static InvestmentPlatform.Collectors.Tests.Infrastructure.CollectorTestExtensions;

namespace InvestmentPlatform.Collectors.Tests.Synthetic;

public class When_generating_synthetic_bars
{
    private readonly SyntheticCollector _collector = new();

    private async Task<List<SeriesRow>> Rows(string symbol, string interval, DateTime from, DateTime to, string? type = null, string? seed = null)
    {
        var options = seed is null ? null : new Dictionary<string, string> { ["seed"] = seed };
        var batches = await _collector.CollectAllAsync(new CollectorRequest(symbol, type, interval, from, to, options));
        Assert.All(batches, b => Assert.Empty(b.Rejected));
        return batches.SelectMany(b => b.Rows).ToList();
    }

    [Fact]
    public async Task Should_give_identical_bars_for_overlapping_ranges()
    {
        var whole = await Rows("AAPL", "1h", Utc(2024, 1, 1), Utc(2024, 3, 1));
        var late = await Rows("AAPL", "1h", Utc(2024, 2, 10, 7), Utc(2024, 3, 1));
        var early = await Rows("AAPL", "1h", Utc(2024, 1, 1), Utc(2024, 2, 10, 7));

        Assert.Equal(whole.Count, early.Count + late.Count);
        Assert.Equal(whole, early.Concat(late).ToList());
    }

    [Fact]
    public async Task Should_depend_on_the_seed()
    {
        var a = await Rows("AAPL", "1d", Utc(2024, 1, 1), Utc(2024, 2, 1), seed: "1");
        var a2 = await Rows("AAPL", "1d", Utc(2024, 1, 1), Utc(2024, 2, 1), seed: "1");
        var b = await Rows("AAPL", "1d", Utc(2024, 1, 1), Utc(2024, 2, 1), seed: "2");

        Assert.Equal(a, a2);
        Assert.NotEqual(a.Select(r => r.Close), b.Select(r => r.Close));
    }

    [Fact]
    public async Task Should_produce_valid_ohlc_chained_by_open_and_close()
    {
        var rows = await Rows("BTC-USD", "5m", Utc(2024, 1, 1), Utc(2024, 1, 8));

        Assert.Equal(7 * 24 * 12, rows.Count);
        Assert.All(rows, r =>
        {
            Assert.True(r.Low <= Math.Min(r.Open, r.Close) && r.High >= Math.Max(r.Open, r.Close) && r.Low > 0);
            Assert.True(r.Volume >= 0);
        });
        for (var i = 1; i < rows.Count; i++)
        {
            Assert.Equal(rows[i - 1].Close, rows[i].Open);
            Assert.Equal(TimeSpan.FromMinutes(5), rows[i].Time - rows[i - 1].Time);
        }
    }

    [Theory]
    [InlineData("AAPL", "stock", 2)]
    [InlineData("BTC-USD", "crypto", 2)]
    [InlineData("EURUSD=X", "forex", 5)]
    [InlineData("DGS10", "bond", 3)]
    public async Task Should_quote_prices_on_the_asset_types_tick(string symbol, string type, int decimals)
    {
        var rows = await Rows(symbol, "1h", Utc(2024, 1, 1), Utc(2024, 3, 1), type);

        Assert.NotEmpty(rows);
        Assert.All(rows.SelectMany(r => new[] { r.Open, r.High, r.Low, r.Close }), p =>
        {
            Assert.Equal(Math.Round(p, decimals), p);
            Assert.True(p > 0);
        });
        // Not all on a coarser tick: the prices do use the last decimal.
        Assert.Contains(rows, r => Math.Round(r.Close, decimals - 1) != r.Close);
        // ... and the asset says so, for readers to show them with.
        var batch = (await _collector.CollectAllAsync(new CollectorRequest(symbol, type, "1d", Utc(2024, 1, 1), Utc(2024, 1, 10)))).First();
        Assert.Equal(decimals, AssetMetadata.PriceDecimalsIn(batch.Asset.Metadata));
    }

    [Fact]
    public async Task Should_skip_weekends_and_holidays_for_daily_stock_bars_but_not_for_crypto()
    {
        var stock = await Rows("MSFT", "1d", Utc(2024, 1, 1), Utc(2024, 1, 15));
        var crypto = await Rows("BTC-USD", "1d", Utc(2024, 1, 1), Utc(2024, 1, 15));

        Assert.Equal(9, stock.Count); // 10 weekdays, New Year's Day closed
        Assert.DoesNotContain(stock, r => r.Time.Day == 1);
        Assert.DoesNotContain(stock, r => r.Time.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
        Assert.Equal(14, crypto.Count);
    }

    [Theory]
    [InlineData("1wk", 2024, 1, 1, 2024, 4, 1, 13)]
    [InlineData("1mo", 2023, 1, 15, 2024, 1, 1, 11)]
    public async Task Should_align_weekly_bars_to_mondays_and_monthly_bars_to_the_first(
        string interval, int y1, int m1, int d1, int y2, int m2, int d2, int expected)
    {
        var rows = await Rows("GC=F", interval, Utc(y1, m1, d1), Utc(y2, m2, d2));

        Assert.Equal(expected, rows.Count);
        Assert.All(rows, r => Assert.True(interval == "1wk" ? r.Time.DayOfWeek == DayOfWeek.Monday : r.Time.Day == 1));
    }

    [Fact]
    public async Task Should_label_the_asset_as_synthetic()
    {
        var batch = (await _collector.CollectAllAsync(new CollectorRequest("EURUSD=X", null, "1d", Utc(2024, 1, 1), Utc(2024, 1, 10)))).First();

        Assert.True(_collector.Descriptor.IsSynthetic);
        Assert.Equal("synthetic", batch.Asset.Source);
        Assert.Equal("true", batch.Asset.Metadata["synthetic"]);
        Assert.Equal(AssetTypes.Forex, batch.Asset.AssetType);
        Assert.All(batch.Rows, r => Assert.Null(r.Volume));
    }

    [Fact]
    public async Task Should_stream_a_million_minute_bars_in_bounded_batches()
    {
        var count = 0;
        await foreach (var batch in _collector.CollectAsync(new CollectorRequest("LOAD", "crypto", "1m", Utc(2022, 1, 1), Utc(2022, 1, 1).AddMinutes(1_000_000))))
        {
            Assert.InRange(batch.Rows.Count, 1, 5_000);
            count += batch.Rows.Count;
        }
        Assert.Equal(1_000_000, count);
    }

    [Fact]
    public async Task Should_reject_an_unknown_interval_as_a_bad_request()
    {
        var ex = await Assert.ThrowsAsync<CollectorException>(() =>
            _collector.CollectAllAsync(new CollectorRequest("AAPL", null, "2h", Utc(2024, 1, 1), Utc(2024, 1, 2))));

        Assert.Equal(ErrorClass.BadRequest, ex.ErrorClass);
        Assert.Contains("2h", ex.ProviderMessage);
    }
}
