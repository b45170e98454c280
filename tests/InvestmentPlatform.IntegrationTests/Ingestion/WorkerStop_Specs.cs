using System.Net.Http.Json;
using System.Text.Json;
using InvestmentPlatform.Data;
using InvestmentPlatform.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InvestmentPlatform.IntegrationTests.Ingestion;

/// <summary>The api role in the test process; the worker role in a child process of the Host that the test kills or stops.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class When_a_worker_process_stops_mid_load : IAsyncLifetime
{
    private static readonly DateTime From = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime To = From.AddDays(30);
    private PlatformFactory _factory = null!;
    private TestDatabase _database = null!;
    private ServiceEndpoints _services = null!;
    private PlatformProcess? _worker;

    public async Task InitializeAsync()
    {
        _services = await TestServices.GetAsync();
        (_factory, _database) = await PlatformFactory.StartAsync(new Dictionary<string, string?> { ["Platform:Roles"] = "api" });
    }

    public async Task DisposeAsync()
    {
        Kill();
        await _factory.DisposeAsync();
        await _database.DisposeAsync();
    }

    /// <summary>The host's shutdown timeout (HostOptions.ShutdownTimeout's default): a stopped worker must be gone by then.</summary>
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData("SIGKILL")]
    [InlineData("SIGTERM")]
    public async Task Should_leave_every_row_exactly_once_and_every_run_finished(string signal)
    {
        _worker = StartWorker();
        var client = _factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/ingestion/requests", new
        {
            source = "synthetic", symbols = new[] { "KILL-USD", "KILL2-USD" }, assetType = "crypto", interval = "1m", from = From, to = To,
        });
        response.EnsureSuccessStatusCode();
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("requestId").GetGuid();

        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (await CountAsync(db => db.MarketData.CountAsync()) == 0 && DateTime.UtcNow < deadline)
            await Task.Delay(50);
        var atKill = await CountAsync(db => db.MarketData.CountAsync());
        if (signal == "SIGTERM")
        {
            Assert.True(await _worker.TerminateAsync(ShutdownTimeout), $"the worker did not stop within {ShutdownTimeout}:\n{_worker.Tail()}");
            Assert.Equal(0, _worker.ExitCode);
        }
        Kill();
        Assert.InRange(atKill, 1, 2 * 30 * 1440 - 1);

        _worker = StartWorker();
        JsonElement view = default;
        deadline = DateTime.UtcNow.AddSeconds(240);
        while (DateTime.UtcNow < deadline)
        {
            view = await client.GetFromJsonAsync<JsonElement>($"/api/ingestion/requests/{id}");
            if (view.GetProperty("status").GetString() is not ("pending" or "running"))
                break;
            await Task.Delay(500);
        }

        Assert.Equal("succeeded", view.GetProperty("status").GetString());
        var minutes = (int)(To - From).TotalMinutes;
        foreach (var symbol in new[] { "KILL-USD", "KILL2-USD" })
        {
            var times = await CountAsync(db => (from b in db.MarketData join a in db.Assets on b.AssetId equals a.AssetId
                                                where a.Symbol == symbol select b.Time).ToListAsync());
            Assert.Equal(minutes, times.Count);
            Assert.Equal(minutes, times.Distinct().Count());
        }
        Assert.Equal(2 * minutes, view.GetProperty("recordsLoaded").GetInt64());
        var logs = await CountAsync(db => db.DataCollectionLog.Where(l => l.RequestId == id).ToListAsync());
        Assert.All(logs, l => Assert.Equal(("succeeded", (long)minutes), (l.Status, l.RecordsLoaded)));
        Assert.Equal(0, await CountAsync(db => db.IngestionChunks.CountAsync(c => c.Status != "succeeded")));
    }

    private async Task<T> CountAsync<T>(Func<PlatformDbContext, Task<T>> query)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PlatformDbContext>());
    }

    private PlatformProcess StartWorker() => PlatformProcess.Start("worker", new PlatformProcessSettings(
        _database.ConnectionString, _services, _factory.EndpointPrefix, new Dictionary<string, string>
        {
            ["Ingestion__SweepInterval"] = "00:00:01",
            ["Ingestion__ChunkLease"] = "00:00:20",
        }));

    private void Kill()
    {
        _worker?.Kill();
        _worker?.DisposeAsync().AsTask().Wait();
        _worker = null;
    }
}
