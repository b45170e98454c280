using System.Net.Http.Json;
using System.Text.Json;
using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Contracts.Scheduler;
using InvestmentPlatform.Data.Ingestion;
using InvestmentPlatform.IntegrationTests.Api;
using InvestmentPlatform.IntegrationTests.Infrastructure;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace InvestmentPlatform.IntegrationTests.Access;

[Collection(IntegrationCollection.Name)]
public sealed class When_a_client_watches_an_asset_type_or_a_symbol : IAsyncLifetime
{
    private ApiHost _host = null!;

    public async Task InitializeAsync() => _host = await ApiHost.StartAsync(ApiDatabase.Sqlite);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("assetType:crypto")]
    [InlineData("asset:coin1")]
    public async Task Should_receive_job_status_and_the_events_of_requests_that_name_no_asset_type(string topic)
    {
        await _host.CreateAssetAsync("COIN1", "crypto");
        await _host.CreateAssetAsync("SHARE1", "stock");
        var created = await _host.Client.PostAsJsonAsync("/api/scheduler/jobs", new
        {
            name = "coins", source = ApiHost.TestSource, symbols = new[] { "COIN1" }, interval = "1d",
            schedule = new { kind = "interval", intervalSeconds = 3600 }, enabled = false,
        });
        var jobId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var coinRequest = Guid.NewGuid();
        var shareRequest = Guid.NewGuid();
        await _host.InsertAsync([Request(coinRequest, "COIN1", jobId), Request(shareRequest, "SHARE1", null)]);
        var (watcher, messages) = await HubListener.ConnectAsync(_host, await TestAccess.SignInAsync(_host.Anonymous()), topic);

        var bus = _host.Factory.Services.GetRequiredService<IBus>();
        var runId = Guid.NewGuid();
        await bus.Publish(new JobRunStatusChanged(jobId, runId, "coins", "running", 0, null, null, DateTime.UtcNow, new JobOwner(null), ["COIN1"], ["crypto"]));
        var first = await HubListener.NextAsync(messages);
        // The stock's request ends before the coin's: the watcher's next message must be the coin's.
        await bus.Publish(new CollectionCompleted(shareRequest, null, null, 5, 5, 0, [], 10, DateTime.UtcNow, IngestionStatuses.Succeeded, 1));
        await bus.Publish(new CollectionCompleted(coinRequest, jobId, runId, 5, 5, 0, [], 10, DateTime.UtcNow, IngestionStatuses.Succeeded, 1));
        var second = await HubListener.NextAsync(messages);

        Assert.Equal("job_status", first.Method);
        Assert.Equal(jobId, first.Body.GetProperty("jobId").GetGuid());
        Assert.Equal("collection_progress", second.Method);
        Assert.Equal(coinRequest, second.Body.GetProperty("requestId").GetGuid());
        await watcher.DisposeAsync();
    }

    private static IngestionRequest Request(Guid id, string symbol, Guid? jobId) => new()
    {
        Id = id, Source = ApiHost.TestSource, Symbols = $"[\"{symbol}\"]", AssetType = null, Interval = "1d", Mode = "batch",
        Status = "running", From = DateTime.UtcNow.AddDays(-5), To = DateTime.UtcNow, JobId = jobId, CreatedAt = DateTime.UtcNow,
        UpdatedAt = DateTime.UtcNow,
    };
}
