using InvestmentPlatform.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.IntegrationTests.Ingestion;

[Collection(IntegrationCollection.Name)]
public sealed class When_a_collection_request_runs_embedded_on_sqlite_and_the_in_memory_bus : IAsyncLifetime
{
    private static readonly DateTime From = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime To = new(2024, 2, 1, 0, 0, 0, DateTimeKind.Utc);
    private IngestionTestHost _host = null!;

    public async Task InitializeAsync() => _host = await IngestionTestHost.StartOnAsync(postgres: false);

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();

    [Fact]
    public async Task Should_load_rows_once_and_fill_only_the_tail_incrementally()
    {
        var body = new { source = "recording", symbols = new[] { "EMB", "BTC-X" }, assetType = "crypto", interval = "1d", from = From, to = To };
        var first = await _host.WaitFinishedAsync(await _host.SubmitAsync(body));
        var rerun = await _host.WaitFinishedAsync(await _host.SubmitAsync(body));
        while (_host.Collector.Requests.TryDequeue(out _)) { }
        var later = await _host.WaitFinishedAsync(await _host.SubmitAsync(new
        {
            source = "recording", symbols = new[] { "EMB" }, assetType = "crypto", interval = "1d", from = From,
            to = To.AddDays(10), mode = "incremental",
        }));

        var expected = RecordingCollector.Bars("EMB", "crypto", "1d", From, To.AddDays(10)).Select(b => b.Time).ToList();
        Assert.Equal("succeeded", first.GetProperty("status").GetString());
        Assert.Equal("succeeded", rerun.GetProperty("status").GetString());
        Assert.Equal("succeeded", later.GetProperty("status").GetString());
        Assert.Equal(expected, (await _host.BarsAsync("EMB")).Select(b => b.Time));
        Assert.Equal(31, (await _host.BarsAsync("BTC-X")).Count);
        var asked = _host.Collector.Requests.Where(r => r.Symbol == "EMB").Select(r => DateTime.SpecifyKind(r.From, DateTimeKind.Utc)).ToList();
        // Crypto trades every day: 5 bars before the last stored bar (2024-01-31) is 2024-01-26.
        Assert.Contains(new DateTime(2024, 1, 26, 0, 0, 0, DateTimeKind.Utc), asked);
        Assert.Equal(5, await _host.WithDbAsync(db => db.DataCollectionLog.CountAsync()));
    }
}
