using InvestmentPlatform.Collectors.Core;
using InvestmentPlatform.Collectors.Tests.Infrastructure;
using InvestmentPlatform.Contracts.Ingestion;
using Microsoft.Extensions.DependencyInjection;
using static InvestmentPlatform.Collectors.Tests.Infrastructure.CollectorTestExtensions;
using static InvestmentPlatform.Collectors.Tests.Infrastructure.Payloads;

namespace InvestmentPlatform.Collectors.Tests.Coinbase;

public sealed class When_collecting_from_coinbase : LoopbackCollectorSpecs
{
    private Task<List<CollectedBatch>> Collect(string symbol, string interval, DateTime from, DateTime to) =>
        Services.Collector("coinbase").CollectAllAsync(new CollectorRequest(symbol, null, interval, from, to));

    /// <summary>Answers like Coinbase: every hourly candle in [start, end], newest first, at most 350.</summary>
    private static string Hourly(long start, long end)
    {
        var bars = new List<Bar>();
        for (var t = start; t <= end; t += 3600)
            bars.Add(new Bar(DateTime.UnixEpoch.AddSeconds(t), 100 + t % 7, 110 + t % 7, 90 + t % 7, 105 + t % 7, 12.5));
        return bars.Count > 350
            ? CoinbaseError("INVALID_ARGUMENT", "start and end argument is invalid - number of candles requested should be less than or equal to 350")
            : CoinbaseCandles(bars);
    }

    [Fact]
    public async Task Should_page_through_350_candle_windows_and_return_ascending_rows()
    {
        Server.Handler = (ctx, _) =>
        {
            var body = Hourly(long.Parse(ctx.Request.Query["start"]!), long.Parse(ctx.Request.Query["end"]!));
            return Reply.Json(ctx, body, body.Contains("INVALID_ARGUMENT") ? 400 : 200);
        };
        var from = Utc(2024, 1, 1);

        var batches = await Collect("btc-usd", "1h", from, from.AddHours(1000));

        var rows = batches.SelectMany(b => b.Rows).ToList();
        Assert.Equal(1000, rows.Count);
        Assert.Equal(Enumerable.Range(0, 1000).Select(h => from.AddHours(h)), rows.Select(r => r.Time));
        Assert.All(batches, b => Assert.Empty(b.Rejected));
        Assert.Equal(3, Server.Hits.Count);
        Assert.All(Server.Hits, h => Assert.Equal("ONE_HOUR", h.Query["granularity"]));
        Assert.All(Server.Hits, h => Assert.Equal("/api/v3/brokerage/market/products/BTC-USD/candles", h.Path));
        var asset = batches[0].Asset;
        Assert.Equal(("crypto", "USD", "coinbase"), (asset.AssetType, asset.Currency, asset.Source));
    }

    [Fact]
    public async Task Should_reject_invalid_candles_with_reasons()
    {
        Server.Handler = (ctx, _) => Reply.Json(ctx, """
            {"candles":[
              {"start":"1704074400","low":"95","high":"90","open":"92","close":"93","volume":"1"},
              {"start":"1704070800","low":"abc","high":"110","open":"100","close":"105","volume":"1"},
              {"start":"1704067200","low":"90","high":"110","open":"100","close":"105","volume":"-3"},
              {"start":"1704063600","low":"90","high":"110","open":"100","close":"105","volume":"2"}]}
            """);

        var batch = Assert.Single(await Collect("BTC-USD", "1h", Utc(2023, 12, 31, 23), Utc(2024, 1, 1, 3)));

        Assert.Equal([Utc(2023, 12, 31, 23)], batch.Rows.Select(r => r.Time));
        Assert.Equal(3, batch.Rejected.Count);
        Assert.Contains(batch.Rejected, r => r.Reason.Contains("non-numeric"));
        Assert.Contains(batch.Rejected, r => r.Reason.Contains("volume -3"));
        Assert.Contains(batch.Rejected, r => r.Reason.Contains("low 95 is above high 90"));
    }

    [Fact]
    public async Task Should_return_nothing_for_an_empty_range()
    {
        Server.Handler = (ctx, _) => Reply.Json(ctx, """{"candles":[]}""");

        Assert.Empty(await Collect("BTC-USD", "1d", Utc(2024, 1, 1), Utc(2024, 1, 10)));
        Assert.Single(Server.Hits);
    }

    [Fact]
    public async Task Should_fail_as_not_found_with_coinbases_message_for_an_unknown_product()
    {
        Server.Handler = (ctx, _) => Reply.Json(ctx, CoinbaseError("NOT_FOUND", "ProductID NOPE-USD could not be found"), 404);

        var ex = await Assert.ThrowsAsync<CollectorException>(() => Collect("NOPE-USD", "1d", Utc(2024, 1, 1), Utc(2024, 1, 10)));

        Assert.Equal(ErrorClass.NotFound, ex.ErrorClass);
        Assert.Contains("ProductID NOPE-USD could not be found", ex.ProviderMessage);
        Assert.Single(Server.Hits);
    }

    [Fact]
    public async Task Should_reject_weekly_bars_which_coinbase_does_not_serve()
    {
        var ex = await Assert.ThrowsAsync<CollectorException>(() => Collect("BTC-USD", "1wk", Utc(2024, 1, 1), Utc(2024, 3, 1)));

        Assert.Equal(ErrorClass.BadRequest, ex.ErrorClass);
        Assert.Empty(Server.Hits);
    }

    [Theory]
    [InlineData("{\"candles\":[{\"start\":\"1704067200\",\"low\":\"90\",\"high\":\"11")]
    [InlineData("{\"candles\":{\"start\":\"1704067200\"}}")]
    [InlineData("{\"products\":[]}")]
    public async Task Should_fail_as_bad_payload_on_malformed_or_truncated_json(string body)
    {
        Server.Handler = (ctx, _) => Reply.Json(ctx, body);

        var ex = await Assert.ThrowsAsync<CollectorException>(() => Collect("BTC-USD", "1d", Utc(2024, 1, 1), Utc(2024, 1, 10)));

        Assert.Equal(ErrorClass.BadPayload, ex.ErrorClass);
        Assert.Single(Server.Hits);
    }

    [Fact]
    public async Task Should_honour_retry_after_on_429_then_succeed()
    {
        Server.Handler = (ctx, n) =>
        {
            if (n > 1) return Reply.Json(ctx, CoinbaseCandles([new(Utc(2024, 1, 2), 1, 2, 0.5, 1.5, 3)]));
            ctx.Response.Headers.RetryAfter = "1";
            return Reply.Json(ctx, CoinbaseError("RESOURCE_EXHAUSTED", "Too many requests"), 429);
        };

        var batch = Assert.Single(await Collect("BTC-USD", "1d", Utc(2024, 1, 1), Utc(2024, 1, 10)));

        Assert.Single(batch.Rows);
        var hits = Server.Hits.ToList();
        Assert.Equal(2, hits.Count);
        Assert.True(hits[1].At - hits[0].At >= TimeSpan.FromMilliseconds(900), "the retry waited for Retry-After");
    }
}
