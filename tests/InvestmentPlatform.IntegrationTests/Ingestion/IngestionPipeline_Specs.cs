using System.Net;
using System.Net.Http.Json;
using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Data;
using InvestmentPlatform.IntegrationTests.Infrastructure;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InvestmentPlatform.IntegrationTests.Ingestion;

[Collection(IntegrationCollection.Name)]
public sealed class When_a_collection_request_runs_on_rabbitmq_and_postgres : IAsyncLifetime
{
    private static readonly DateTime From = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime To = new(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc);
    private IngestionTestHost _host = null!;

    public async Task InitializeAsync() => _host = await IngestionTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private object Body(string symbol, DateTime from, DateTime to, string mode = "batch", string interval = "1d") =>
        new { source = "recording", symbols = new[] { symbol }, assetType = "stock", interval, from, to, mode };

    [Fact]
    public async Task Should_load_every_bar_and_log_the_asset()
    {
        var id = await _host.SubmitAsync(Body("AAA", From, To));
        var view = await _host.WaitFinishedAsync(id);

        var expected = RecordingCollector.Bars("AAA", "stock", "1d", From, To).ToList();
        var stored = await _host.BarsAsync("AAA");
        Assert.Equal("succeeded", view.GetProperty("status").GetString());
        Assert.Equal(expected.Select(b => b.Time), stored.Select(b => b.Time));
        Assert.Equal(expected.Select(b => b.Close), stored.Select(b => b.Close));
        Assert.Equal(expected.Count, view.GetProperty("recordsLoaded").GetInt64());
        var perSymbol = view.GetProperty("perSymbol")[0];
        Assert.Equal("succeeded", perSymbol.GetProperty("status").GetString());

        var log = await _host.WithDbAsync(db => db.DataCollectionLog.SingleAsync(l => l.RequestId == id));
        Assert.Equal(expected.Count, log.RecordsLoaded);
        Assert.NotNull(log.AssetId);
        var asset = await _host.WithDbAsync(db => db.Assets.SingleAsync(a => a.Symbol == "AAA"));
        Assert.Equal(("stock", "USD", "TEST", "recording"), (asset.AssetType, asset.Currency, asset.Exchange, asset.Source));
    }

    [Fact]
    public async Task Should_leave_identical_rows_when_the_same_request_runs_twice()
    {
        await _host.WaitFinishedAsync(await _host.SubmitAsync(Body("BBB", From, To)));
        var first = await _host.BarsAsync("BBB");
        var second = await _host.WaitFinishedAsync(await _host.SubmitAsync(Body("BBB", From, To)));

        Assert.Equal("succeeded", second.GetProperty("status").GetString());
        Assert.Equal(first, await _host.BarsAsync("BBB"));
        Assert.Equal(2, await _host.WithDbAsync(db => db.DataCollectionLog.CountAsync(l => l.Symbol == "BBB")));
    }

    [Fact]
    public async Task Should_split_long_intraday_ranges_into_windows_and_parts()
    {
        // 1m bars over 20 weekdays: 4 windows of at most 5 days (the source's limit), each > 5,000 rows so several parts.
        var from = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var to = from.AddDays(20);
        var id = await _host.SubmitAsync(Body("MIN", from, to, interval: "1m"));
        var view = await _host.WaitFinishedAsync(id, 120);

        Assert.Equal("succeeded", view.GetProperty("status").GetString());
        Assert.Equal(4, view.GetProperty("chunksTotal").GetInt32());
        Assert.Equal(RecordingCollector.Bars("MIN", "stock", "1m", from, to).Count(), (await _host.BarsAsync("MIN", "1m")).Count);
    }

    [Fact]
    public async Task Should_collect_only_the_gaps_and_the_overlap_in_incremental_mode()
    {
        await _host.WaitFinishedAsync(await _host.SubmitAsync(Body("CCC", From, new DateTime(2024, 2, 1, 0, 0, 0, DateTimeKind.Utc))));
        // A hole in the middle: 2024-01-10 .. 2024-01-19 inclusive.
        await _host.WithDbAsync(db => db.MarketData.Where(b => b.Time >= new DateTime(2024, 1, 10, 0, 0, 0, DateTimeKind.Utc)
                                                            && b.Time < new DateTime(2024, 1, 20, 0, 0, 0, DateTimeKind.Utc))
            .ExecuteDeleteAsync());
        while (_host.Collector.Requests.TryDequeue(out _)) { }

        var view = await _host.WaitFinishedAsync(await _host.SubmitAsync(Body("CCC", From, To, "incremental")));

        var asked = _host.Collector.Requests.Select(r => (r.From, r.To)).OrderBy(w => w.From).ToList();
        Assert.Equal("succeeded", view.GetProperty("status").GetString());
        Assert.Equal(
            [
                (new DateTime(2024, 1, 10, 0, 0, 0, DateTimeKind.Utc), new DateTime(2024, 1, 22, 0, 0, 0, DateTimeKind.Utc)),
                // Last stored bar 2024-01-31 (Wed); five weekday bars back is 2024-01-24.
                (new DateTime(2024, 1, 24, 0, 0, 0, DateTimeKind.Utc), To),
            ],
            asked.Select(w => (DateTime.SpecifyKind(w.From, DateTimeKind.Utc), DateTime.SpecifyKind(w.To, DateTimeKind.Utc))).ToList());
        Assert.Equal(RecordingCollector.Bars("CCC", "stock", "1d", From, To).Select(b => b.Time), (await _host.BarsAsync("CCC")).Select(b => b.Time));
    }

    [Fact]
    public async Task Should_load_nothing_twice_when_data_collected_is_redelivered()
    {
        var id = await _host.SubmitAsync(Body("DDD", From, To));
        await _host.WaitFinishedAsync(id);
        var before = await _host.BarsAsync("DDD");
        var chunk = await _host.WithDbAsync(db => db.IngestionChunks.SingleAsync(c => c.RequestId == id));

        // The same part again, with changed prices: had it loaded, the rows would differ.
        var rows = RecordingCollector.Bars("DDD", "stock", "1d", From, To, version: 7).ToList();
        var asset = new AssetDescription("DDD", null, "stock", "USD", null, "recording", new Dictionary<string, string>());
        var bus = _host.Services.GetRequiredService<IBus>();
        using var loaded = new ConsumedSignal<DataCollected>(bus, m => m.ChunkId == chunk.Id && m.Symbol == "DDD");
        await bus.Publish(new DataCollected(id, chunk.Id, 0, true, "recording", "DDD", "stock", "1d", asset, SeriesRowBlock.From(rows), 0));
        await loaded.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(before, await _host.BarsAsync("DDD"));
        var after = await _host.WithDbAsync(db => db.IngestionChunks.SingleAsync(c => c.Id == chunk.Id));
        Assert.Equal(chunk.RecordsLoaded, after.RecordsLoaded);
        Assert.Equal(before.Count, (await _host.WaitFinishedAsync(id)).GetProperty("recordsLoaded").GetInt64());
    }

    [Fact]
    public async Task Should_coalesce_identical_concurrent_requests()
    {
        // The source holds the first collection until every request is planned, so the three really overlap.
        _host.Collector.Hold("EEE");
        var ids = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => _host.SubmitAsync(Body("EEE", From, To))));
        // Released only once all three are planned: released earlier, a late request finds nothing to join and rightly
        // collects by itself, which would fail this spec for a slow machine rather than for a missing coalescence.
        var deadline = DateTime.UtcNow.AddSeconds(120);
        int planned;
        while ((planned = await _host.WithDbAsync(db => db.IngestionChunks.Where(c => ids.Contains(c.RequestId)).Select(c => c.RequestId).Distinct().CountAsync()))
               < ids.Length)
        {
            Assert.True(DateTime.UtcNow < deadline, $"only {planned} of the {ids.Length} requests were planned within 120 s");
            await Task.Delay(50);
        }
        _host.Collector.Release("EEE");
        foreach (var id in ids)
            Assert.Equal("succeeded", (await _host.WaitFinishedAsync(id)).GetProperty("status").GetString());

        Assert.Equal(RecordingCollector.Bars("EEE", "stock", "1d", From, To).Count(), (await _host.BarsAsync("EEE")).Count);
        var asked = _host.Collector.Requests.Count(r => r.Symbol == "EEE");
        if (asked >= 3)
        {
            // Says how each request's chunk was planned and ended, so a failure shows where coalescing was missed.
            var chunks = await _host.WithDbAsync(db => db.IngestionChunks.Where(c => ids.Contains(c.RequestId)).OrderBy(c => c.CreatedAt)
                .Select(c => $"{c.RequestId} {c.Id} {c.Status} created {c.CreatedAt:HH:mm:ss.fff} started {c.StartedAt:HH:mm:ss.fff}").ToListAsync());
            Assert.Fail($"the source was asked {asked} times for the same window; chunks:\n{string.Join('\n', chunks)}");
        }
    }

    [Theory]
    [InlineData("""{"source":"nope","symbols":["A"],"interval":"1d","from":"2024-01-01","to":"2024-02-01"}""", 400, "source")]
    [InlineData("""{"source":"recording","symbols":[],"interval":"1d","from":"2024-01-01","to":"2024-02-01"}""", 400, "symbols")]
    [InlineData("""{"source":"recording","symbols":["A"],"assetType":"stamp","interval":"1d","from":"2024-01-01","to":"2024-02-01"}""", 400, "assetType")]
    [InlineData("""{"source":"recording","symbols":["A"],"interval":"1d","from":"2024-03-01","to":"2024-02-01"}""", 400, "from")]
    [InlineData("""{"source":"recording","symbols":["A"],"interval":"1d","from":"2024-01-01","to":"2024-02-01","mode":"sometimes"}""", 400, "mode")]
    [InlineData("""{"source":"recording","symbols":["A"],"interval":"1wk","from":"2024-01-01","to":"2024-02-01"}""", 422, "interval")]
    [InlineData("""{"source":"recording","symbols":["A"],"assetType":"bond","interval":"1d","from":"2024-01-01","to":"2024-02-01"}""", 422, "assetType")]
    [InlineData("""{"source":"recording","symbols":["A"],"interval":"1m","from":"2000-01-01","to":"2024-02-01"}""", 422, "to")]
    public async Task Should_refuse_bad_requests_with_problem_details(string json, int status, string field)
    {
        var response = await _host.Client.PostAsync("/api/ingestion/requests",
            new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        var problem = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();

        Assert.Equal(status, (int)response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(0, await _host.WithDbAsync(db => db.IngestionRequests.CountAsync()));
    }

    [Fact]
    public async Task Should_answer_404_for_an_unknown_request_and_page_the_list()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _host.Client.GetAsync($"/api/ingestion/requests/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _host.Client.GetAsync("/api/ingestion/requests?pageSize=0")).StatusCode);
        var id = await _host.SubmitAsync(Body("FFF", From, To));
        await _host.WaitFinishedAsync(id);
        var page = await _host.Client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/ingestion/requests?status=succeeded&source=recording");
        Assert.Equal(1, page.GetProperty("totalCount").GetInt64());
        Assert.Equal(id, page.GetProperty("items")[0].GetProperty("requestId").GetGuid());
    }
}
