using System.Net.Http.Json;
using System.Text.Json;
using InvestmentPlatform.Collectors.Core;
using InvestmentPlatform.Data;
using InvestmentPlatform.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InvestmentPlatform.IntegrationTests.Ingestion;

/// <summary>The platform on PostgreSQL + RabbitMQ (or any settings) with a recording source registered.</summary>
public sealed class IngestionTestHost : IAsyncDisposable
{
    private readonly PlatformFactory _factory;
    private readonly TestDatabase? _database;
    private string? _sqliteFile;

    private IngestionTestHost(PlatformFactory factory, WebApplicationFactory<Program> app, TestDatabase? database, RecordingCollector collector)
    {
        _factory = factory;
        App = app;
        _database = database;
        Collector = collector;
        Client = app.CreateClient();
    }

    public WebApplicationFactory<Program> App { get; }
    public RecordingCollector Collector { get; }
    public HttpClient Client { get; }
    public IServiceProvider Services => App.Services;
    public string AdminKey => _factory.AdminKey;

    /// <summary>
    /// The platform on PostgreSQL (a database of its own), or in the embedded mode: SQLite in a file of its own, which
    /// goes when the host does, and the in-memory bus.
    /// </summary>
    public static async Task<IngestionTestHost> StartOnAsync(bool postgres)
    {
        if (postgres)
            return await StartAsync();
        var file = Path.Combine(Path.GetTempPath(), $"ip-ingestion-{Guid.NewGuid():N}.db");
        var host = await StartAsync(new Dictionary<string, string?> { ["ConnectionStrings:Platform"] = $"Data Source={file}", ["Bus:Transport"] = "InMemory" }, postgres: false);
        host._sqliteFile = file;
        return host;
    }

    public static async Task<IngestionTestHost> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, bool postgres = true)
    {
        var services = await TestServices.GetAsync();
        var database = postgres ? await TestServices.CreateDatabaseAsync() : null;
        var merged = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["Ingestion:SweepInterval"] = "00:00:01",
        };
        var factory = new PlatformFactory(services, database?.ConnectionString ?? "", merged);
        var collector = new RecordingCollector();
        var app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<ICollector>(collector)));
        _ = app.Server;
        return new IngestionTestHost(factory, app, database, collector);
    }

    public async Task<Guid> SubmitAsync(object body)
    {
        var response = await Client.PostAsJsonAsync("/api/ingestion/requests", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("requestId").GetGuid();
    }

    public async Task<JsonElement> WaitFinishedAsync(Guid id, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        JsonElement last = default;
        while (DateTime.UtcNow < deadline)
        {
            last = JsonDocument.Parse(await Client.GetStringAsync($"/api/ingestion/requests/{id}")).RootElement;
            if (last.GetProperty("status").GetString() is not ("pending" or "running"))
                return last;
            await Task.Delay(200);
        }
        throw new TimeoutException($"Request {id} did not finish: {last}");
    }

    public async Task<T> WithDbAsync<T>(Func<PlatformDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<PlatformDbContext>());
    }

    /// <summary>Registers an asset the way a person would, with no rows.</summary>
    public Task<long> AddAssetAsync(string symbol, string assetType) =>
        WithDbAsync(async db =>
        {
            var asset = new Data.Assets.Asset
            {
                Symbol = symbol, AssetType = assetType, Source = "recording", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            };
            db.Assets.Add(asset);
            await db.SaveChangesAsync();
            return asset.AssetId;
        });

    /// <summary>A request of one chunk whose collection has started, so the loader takes the parts it is given.</summary>
    public async Task<(Guid Request, Guid Chunk)> AddCollectingChunkAsync(string symbol, string source = "csv", string assetType = "stock", string interval = "1d")
    {
        var now = DateTime.UtcNow;
        var request = new Data.Ingestion.IngestionRequest
        {
            Id = Guid.NewGuid(), Source = source, Symbols = $"[\"{symbol}\"]", AssetType = assetType, Interval = interval, Mode = "batch",
            Status = "running", From = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), To = new DateTime(2024, 2, 1, 0, 0, 0, DateTimeKind.Utc),
            ChunksTotal = 1, CreatedAt = now,
        };
        var chunk = new Data.Ingestion.IngestionChunk
        {
            Id = Guid.NewGuid(), RequestId = request.Id, Symbol = symbol, From = request.From, To = request.To, Status = "collecting",
            CreatedAt = now, StartedAt = now, ProgressAt = now,
        };
        await WithDbAsync(db =>
        {
            db.AddRange(request, chunk);
            return db.SaveChangesAsync();
        });
        return (request.Id, chunk.Id);
    }

    /// <summary>Writes rows through the platform's series writer in a transaction of their own, as the loader does.</summary>
    public Task WriteSeriesAsync(long assetId, Data.Series.SeriesTable table, string interval, IReadOnlyList<Contracts.Ingestion.SeriesRow> rows) =>
        WithDbAsync(async db =>
        {
            await using var scope = Services.CreateAsyncScope();
            await using var tx = await db.Database.BeginTransactionAsync();
            await scope.ServiceProvider.GetRequiredService<InvestmentPlatform.Ingestion.Loading.ISeriesWriter>().WriteAsync(
                db.Database.GetDbConnection(), Microsoft.EntityFrameworkCore.Storage.DbContextTransactionExtensions.GetDbTransaction(tx),
                table, assetId, interval, rows, default);
            await tx.CommitAsync();
            return 0;
        });

    public Task<List<(DateTime Time, double Close, double? Volume)>> BarsAsync(string symbol, string interval = "1d") =>
        WithDbAsync(async db => (await (from b in db.MarketData
                                        join a in db.Assets on b.AssetId equals a.AssetId
                                        where a.Symbol == symbol && b.Interval == interval
                                        orderby b.Time
                                        select new { b.Time, b.Close, b.Volume }).ToListAsync())
            .Select(x => (DateTime.SpecifyKind(x.Time, DateTimeKind.Utc), x.Close, x.Volume)).ToList());

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        await _factory.DisposeAsync();
        if (_database is not null)
            await _database.DisposeAsync();
        if (_sqliteFile is not null)
        {
            // Pooled connections would keep the file open.
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(_sqliteFile);
        }
    }
}
