using System.Text.Json;
using InvestmentPlatform.IntegrationTests.Api;
using InvestmentPlatform.IntegrationTests.Hostile;
using InvestmentPlatform.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.IntegrationTests.Ingestion;

/// <summary>The scheduler submits through the same writer as the API: a run and its request are stored together.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class When_a_job_run_starts_its_collection : IAsyncLifetime
{
    private HostileHost _host = null!;

    public async Task InitializeAsync() => _host = await HostileHost.StartAsync(ApiDatabase.Sqlite);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Should_store_the_request_row_with_the_run_before_any_consumer_sees_its_message()
    {
        var created = await _host.PostJsonAsync("/api/scheduler/jobs",
            """{"name":"one-door","source":"recording","symbols":["DOOR"],"assetType":"crypto","interval":"1d","mode":"batch","lookbackDays":5,"schedule":{"kind":"cron","cron":"0 0 0 1 1 ? 2099"}}""");
        var job = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
        // Held: the collector cannot finish the request, and no consumer may add anything before the reads below.
        _host.Host.Collector.Hold("DOOR");

        var triggered = await _host.Client.PostAsync($"/api/scheduler/jobs/{job.GetProperty("id").GetGuid()}/trigger", null);
        var runId = JsonDocument.Parse(await triggered.Content.ReadAsStringAsync()).RootElement.GetProperty("runId").GetGuid();

        var run = await _host.Host.WithDbAsync(db => db.JobRuns.AsNoTracking().SingleAsync(r => r.Id == runId));
        var request = await _host.Host.WithDbAsync(db => db.IngestionRequests.AsNoTracking().SingleOrDefaultAsync(r => r.RunId == runId));
        _host.Host.Collector.Release("DOOR");

        Assert.Equal("running", run.Status);
        Assert.NotNull(request);
        Assert.Equal(run.RequestId, request.Id);
        Assert.Equal(job.GetProperty("id").GetGuid(), request.JobId);
        Assert.Equal(job.GetProperty("ownerId").GetString(), request.RequestedBy);
        Assert.Equal("succeeded", (await _host.Host.WaitFinishedAsync(request.Id)).GetProperty("status").GetString());
    }
}
