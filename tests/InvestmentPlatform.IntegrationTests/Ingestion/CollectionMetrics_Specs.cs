using System.Globalization;
using InvestmentPlatform.IntegrationTests.Api;
using InvestmentPlatform.IntegrationTests.Hostile;
using InvestmentPlatform.IntegrationTests.Infrastructure;

namespace InvestmentPlatform.IntegrationTests.Ingestion;

/// <summary>
/// The ingestion counters as a Prometheus scrape shows them after the real collector and consumers ran: each row is
/// counted once, whichever step saw it.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class When_a_collection_is_scraped_from_metrics : IAsyncLifetime
{
    private const string Csv = "Date,Open,High,Low,Close,Adj Close,Volume\n" +
                               "2024-01-02,1,2,0.5,1.5,1.5,10\n2024-01-03,1,2,0.5,1.6,1.6,10\n2024-01-04,1,2,0.5,1.7,1.7,10\n" +
                               "2024-01-05,1,0.1,0.5,1.7,1.7,10\n"; // high below low: rejected
    private HostileHost _host = null!;

    public async Task InitializeAsync() => _host = await HostileHost.StartAsync(ApiDatabase.Sqlite);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Should_count_each_collected_and_rejected_row_once()
    {
        var before = await ScrapeAsync();

        var id = await HostileHost.AcceptedAsync(await _host.UploadCsvAsync("symbol=METRICS&assetType=stock", Csv));
        var request = await _host.Host.WaitFinishedAsync(id);
        var after = await ScrapeAfterAsync(before, "platform_ingestion_rows_collected_total", 3);

        // Once failed (1 of 8 full runs) with no more than "Values differ": the message now carries what was seen.
        var seen = $"request: {request}\nbefore:\n{string.Join('\n', CsvLines(before))}\nafter:\n{string.Join('\n', CsvLines(after))}";
        Assert.True(request.GetProperty("recordsLoaded").GetInt64() == 3, seen);
        Assert.True(request.GetProperty("recordsRejected").GetInt64() == 1, seen);
        Assert.True(Counter(after, "platform_ingestion_rows_collected_total") - Counter(before, "platform_ingestion_rows_collected_total") == 3, seen);
        Assert.True(Counter(after, "platform_ingestion_rows_rejected_total") - Counter(before, "platform_ingestion_rows_rejected_total") == 1, seen);
    }

    [Fact]
    public async Task Should_count_a_collector_failure_once()
    {
        var before = await ScrapeAsync();

        // A file with no price column at all: the CSV collector's permanent failure, seen by the collector and its consumer.
        var id = await HostileHost.AcceptedAsync(await _host.UploadCsvAsync("symbol=BROKEN&assetType=stock", "Date,Volume\n2024-01-02,10\n"));
        var request = await _host.Host.WaitFinishedAsync(id);
        var after = await ScrapeAfterAsync(before, "platform_collector_errors_total", 1);

        Assert.Equal("failed", request.GetProperty("status").GetString());
        Assert.Equal(1, Counter(after, "platform_collector_errors_total") - Counter(before, "platform_collector_errors_total"));
    }

    private async Task<string> ScrapeAsync() => await _host.Client.GetStringAsync("/metrics");

    /// <summary>
    /// A scrape that shows at least <paramref name="atLeast"/> more of the counter: the exporter may serve a cached
    /// scrape for a moment. Every count of a request is made before the request finishes, so this one is final.
    /// </summary>
    private async Task<string> ScrapeAfterAsync(string before, string counter, double atLeast)
    {
        var scrape = await ScrapeAsync();
        for (var i = 0; i < 100 && Counter(scrape, counter) - Counter(before, counter) < atLeast; i++)
        {
            await Task.Delay(100);
            scrape = await ScrapeAsync();
        }
        return scrape;
    }

    /// <summary>The scrape's platform lines of the csv source.</summary>
    private static IEnumerable<string> CsvLines(string scrape) =>
        scrape.Split('\n').Where(l => l.StartsWith("platform_", StringComparison.Ordinal) && l.Contains("source=\"csv\"", StringComparison.Ordinal));

    /// <summary>The csv source's value of a counter, summed over its other labels; 0 before it was first counted.</summary>
    private static double Counter(string scrape, string name) =>
        CsvLines(scrape).Where(l => l.StartsWith(name + "{", StringComparison.Ordinal))
            .Sum(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
}
