using InvestmentPlatform.Collectors.Core;
using InvestmentPlatform.Collectors.Tests.Infrastructure;
using InvestmentPlatform.Contracts.Ingestion;
using static InvestmentPlatform.Collectors.Tests.Infrastructure.CollectorTestExtensions;
using static InvestmentPlatform.Collectors.Tests.Infrastructure.Payloads;

namespace InvestmentPlatform.Collectors.Tests.Resilience;

public sealed class When_calls_go_through_a_source_gateway : IAsyncLifetime
{
    private LoopbackServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static CollectorRequest Daily(string symbol) => new(symbol, null, "1d", Utc(2024, 1, 1), Utc(2024, 1, 6));

    [Fact]
    public async Task Should_space_concurrent_calls_with_one_limiter_per_source()
    {
        var start = DateTime.UtcNow;
        await using var services = CollectorServices.Build(_server, new Dictionary<string, string?>
        {
            ["Sources:Yahoo:RatePermits"] = "1",
            ["Sources:Yahoo:RatePeriod"] = "00:00:00.250",
        });
        _server.Handler = (ctx, _) => Reply.Json(ctx, YahooChart("AAPL", [new(Utc(2024, 1, 2, 14, 30), 1, 2, 0.5, 1.5, 10)]));
        var yahoo = services.Collector("yahoo");

        await Task.WhenAll(Enumerable.Range(0, 5).Select(i => yahoo.CollectAllAsync(Daily($"S{i}"))));

        var times = _server.Hits.Select(h => h.At).Order().ToList();
        Assert.Equal(5, times.Count);
        // One permit per 250 ms: the i-th call cannot arrive before i periods have passed. A busy machine only makes
        // calls later, so this holds however the test is scheduled; without the limiter all five arrive at once.
        for (var i = 1; i < times.Count; i++)
            Assert.True(times[i] - start >= TimeSpan.FromMilliseconds(i * 250 - 25),
                $"call {i} arrived {(times[i] - start).TotalMilliseconds} ms after the start, before its {i * 250} ms permit");
    }

    [Fact]
    public async Task Should_open_the_circuit_after_repeated_failures_and_stop_calling_the_provider()
    {
        await using var services = CollectorServices.Build(_server, new Dictionary<string, string?>
        {
            ["Sources:Coinbase:MaxRetries"] = "0",
            ["Sources:Coinbase:BreakerMinimumThroughput"] = "2",
            ["Sources:Coinbase:BreakerFailureRatio"] = "0.5",
        });
        _server.Handler = (ctx, _) => Reply.Json(ctx, CoinbaseError("INTERNAL", "internal error"), 500);
        var coinbase = services.Collector("coinbase");
        var request = new CollectorRequest("BTC-USD", null, "1d", Utc(2024, 1, 1), Utc(2024, 1, 6));

        var first = await Assert.ThrowsAsync<CollectorException>(() => coinbase.CollectAllAsync(request));
        await Assert.ThrowsAsync<CollectorException>(() => coinbase.CollectAllAsync(request));
        var third = await Assert.ThrowsAsync<CollectorException>(() => coinbase.CollectAllAsync(request));

        Assert.Equal(ErrorClass.Transient, first.ErrorClass);
        Assert.Contains("internal error", first.ProviderMessage);
        Assert.Equal(ErrorClass.Transient, third.ErrorClass);
        Assert.Contains("circuit open", third.ProviderMessage);
        Assert.Equal(2, _server.Hits.Count);
    }

    [Fact]
    public async Task Should_not_wait_for_a_retry_after_longer_than_the_limit()
    {
        await using var services = CollectorServices.Build(_server, new Dictionary<string, string?> { ["Sources:Yahoo:MaxRetryAfter"] = "00:00:05" });
        _server.Handler = (ctx, _) =>
        {
            ctx.Response.Headers.RetryAfter = "3600";
            return Reply.Text(ctx, "Too Many Requests", 429);
        };

        var ex = await Assert.ThrowsAsync<CollectorException>(() => services.Collector("yahoo").CollectAllAsync(Daily("AAPL")));

        Assert.Equal(ErrorClass.RateLimited, ex.ErrorClass);
        Assert.Equal(TimeSpan.FromHours(1), ex.RetryAfter);
        Assert.Single(_server.Hits);
    }

    [Fact]
    public async Task Should_fail_as_transient_when_the_source_is_unreachable()
    {
        var url = _server.Url;
        await _server.DisposeAsync();
        await using var services = CollectorServices.Build(_server, new Dictionary<string, string?>
        {
            ["Sources:Yahoo:BaseUrl"] = url,
            ["Sources:Yahoo:MaxRetries"] = "1",
        });

        var ex = await Assert.ThrowsAsync<CollectorException>(() => services.Collector("yahoo").CollectAllAsync(Daily("AAPL")));

        Assert.Equal(ErrorClass.Transient, ex.ErrorClass);
        Assert.Contains("unreachable", ex.ProviderMessage);
        _server = await LoopbackServer.StartAsync();
    }

    [Fact]
    public void Should_describe_every_source_for_the_api()
    {
        using var services = CollectorServices.Build(_server);
        var sources = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<ICollectorRegistry>(services).Sources;

        Assert.Equal(["coinbase", "csv", "fred", "synthetic", "yahoo"], sources.Select(s => s.Name).Order());
        var yahoo = sources.Single(s => s.Name == "yahoo");
        Assert.Equal(30, yahoo.HistoryLimitDays["1m"]);
        Assert.Equal(7, yahoo.MaxWindowDays["1m"]);
        Assert.Null(yahoo.HistoryLimitDays["1d"]);
        Assert.True(sources.Single(s => s.Name == "synthetic").IsSynthetic);
        Assert.Contains(sources.Single(s => s.Name == "csv").Parameters, p => p.Name == "upload" && !p.Required);
    }
}
