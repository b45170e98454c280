using System.Text.Json;
using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.IntegrationTests.Infrastructure;
using InvestmentPlatform.Ingestion.Collection;
using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.IntegrationTests.Ingestion;

/// <summary>Delayed redelivery on PostgreSQL and RabbitMQ: a source that fails for a while, then answers.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class When_a_source_fails_for_a_while : IAsyncLifetime
{
    private static readonly DateTime From = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime To = new(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc);
    private IngestionTestHost _host = null!;

    public async Task InitializeAsync() => _host = await IngestionTestHost.StartAsync(new Dictionary<string, string?>
    {
        ["Ingestion:FirstRedeliveryDelay"] = "00:00:01",
        ["Ingestion:MaxRedeliveries"] = "1",
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private object Body(string symbol) =>
        new { source = "recording", symbols = new[] { symbol }, assetType = "stock", interval = "1d", from = From, to = To };

    [Fact]
    public async Task Should_wait_out_the_providers_retry_after_and_then_load_every_bar()
    {
        _host.Collector.Fail("RL", 1, ErrorClass.RateLimited, TimeSpan.FromSeconds(3));
        var id = await _host.SubmitAsync(Body("RL"));

        var waiting = await WaitForSymbolAsync(id, s => s.TryGetProperty("retryAt", out var at) && at.ValueKind == JsonValueKind.String);
        Assert.Equal("RateLimited", waiting.GetProperty("errorClass").GetString());
        var listed = JsonDocument.Parse(await _host.Client.GetStringAsync("/api/ingestion/requests?status=running")).RootElement
            .GetProperty("items").EnumerateArray().Single(r => r.GetProperty("requestId").GetGuid() == id);
        Assert.Equal(waiting.GetProperty("retryAt").GetDateTime(), listed.GetProperty("retryAt").GetDateTime());
        var view = await _host.WaitFinishedAsync(id);

        Assert.Equal("succeeded", view.GetProperty("status").GetString());
        Assert.Equal(RecordingCollector.Bars("RL", "stock", "1d", From, To).Count(), (await _host.BarsAsync("RL")).Count);
        var calls = _host.Collector.Calls.Where(c => c.Symbol == "RL").Select(c => c.At).Order().ToList();
        // Asked once, refused, not asked again before the 3 seconds the provider gave, then asked once more.
        Assert.Equal(2, calls.Count);
        Assert.True(calls[1] - calls[0] >= TimeSpan.FromSeconds(3), $"asked again after {(calls[1] - calls[0]).TotalMilliseconds} ms");
        var chunk = await _host.WithDbAsync(db => db.IngestionChunks.SingleAsync(c => c.RequestId == id));
        Assert.Equal((1, null, null), (chunk.Redeliveries, chunk.ErrorClass, chunk.ErrorMessage));
        var log = await _host.WithDbAsync(db => db.DataCollectionLog.SingleAsync(l => l.RequestId == id));
        Assert.Null(log.ErrorClass);
    }

    [Fact]
    public async Task Should_fail_the_symbol_when_a_transient_failure_outlasts_its_redeliveries()
    {
        _host.Collector.Fail("TR", 100, ErrorClass.Transient);
        var id = await _host.SubmitAsync(Body("TR"));
        var view = await _host.WaitFinishedAsync(id, 90);

        Assert.Equal("failed", view.GetProperty("status").GetString());
        Assert.Equal("Transient", view.GetProperty("perSymbol")[0].GetProperty("errorClass").GetString());
        // Each delivery: the first attempt and the endpoint's immediate retries; one delayed redelivery.
        var perDelivery = 1 + CollectChunkLimits.ImmediateRetryIntervals.Length;
        Assert.Equal(2 * perDelivery, _host.Collector.Calls.Count(c => c.Symbol == "TR"));
        Assert.Empty(await _host.BarsAsync("TR"));
    }

    private async Task<JsonElement> WaitForSymbolAsync(Guid id, Func<JsonElement, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        JsonElement symbol = default;
        while (DateTime.UtcNow < deadline)
        {
            var view = JsonDocument.Parse(await _host.Client.GetStringAsync($"/api/ingestion/requests/{id}")).RootElement;
            symbol = view.GetProperty("perSymbol")[0];
            if (condition(symbol))
                return symbol;
            await Task.Delay(100);
        }
        throw new TimeoutException($"The symbol never reached the expected state: {symbol}");
    }
}
