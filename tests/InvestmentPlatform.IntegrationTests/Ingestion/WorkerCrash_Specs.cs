using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using InvestmentPlatform.Data;
using InvestmentPlatform.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InvestmentPlatform.IntegrationTests.Ingestion;

/// <summary>The api role in the test process; the worker role in a child process of the Host that the test kills.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class When_a_worker_process_is_killed_mid_load : IAsyncLifetime
{
    private static readonly DateTime From = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime To = From.AddDays(30);
    private PlatformFactory _factory = null!;
    private TestDatabase _database = null!;
    private ServiceEndpoints _services = null!;
    private Process? _worker;

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

    [Fact]
    public async Task Should_leave_every_row_exactly_once_and_every_run_finished()
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

    private Process StartWorker()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "InvestmentPlatform.sln")))
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("Repository root not found");
        var dll = Directory.GetFiles(Path.Combine(root, "src/InvestmentPlatform.Host/bin"), "InvestmentPlatform.Host.dll", SearchOption.AllDirectories)
            .OrderByDescending(File.GetLastWriteTimeUtc).First();
        var info = new ProcessStartInfo("dotnet", [dll, "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        var env = info.Environment;
        env["Platform__Roles"] = "worker";
        env["ConnectionStrings__Platform"] = _database.ConnectionString;
        env["Bus__Transport"] = "RabbitMq";
        env["Bus__EndpointPrefix"] = _factory.EndpointPrefix;
        env["Bus__RabbitMq__Host"] = _services.RabbitHost;
        env["Bus__RabbitMq__Port"] = _services.RabbitPort.ToString();
        env["Bus__RabbitMq__VirtualHost"] = _services.RabbitVirtualHost;
        env["Bus__RabbitMq__Username"] = _services.RabbitUser;
        env["Bus__RabbitMq__Password"] = _services.RabbitPassword;
        env["Ingestion__SweepInterval"] = "00:00:01";
        env["Ingestion__ChunkLease"] = "00:00:20";
        env["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private void Kill()
    {
        if (_worker is { HasExited: false })
        {
            _worker.Kill(entireProcessTree: true);
            _worker.WaitForExit(10_000);
        }
        _worker?.Dispose();
        _worker = null;
    }
}
