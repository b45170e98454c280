using System.Net.Http.Json;
using InvestmentPlatform.Collectors.Core;
using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Series;
using InvestmentPlatform.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace InvestmentPlatform.IntegrationTests.Api;

public enum ApiDatabase { Postgres, Sqlite }

/// <summary>
/// The platform with one extra collector ("apitest") so assets can be created without a real provider, on PostgreSQL
/// + RabbitMQ (the fixture's distributed configuration) or on the embedded SQLite + in-memory bus configuration.
/// </summary>
public sealed class ApiHost : IAsyncDisposable
{
    public const string TestSource = "apitest";

    private readonly PlatformFactory _root;
    private readonly TestDatabase? _database;
    private readonly string? _sqliteDirectory;

    public WebApplicationFactory<Program> Factory { get; }
    public HttpClient Client { get; }

    /// <summary>The admin API key <see cref="Client"/> carries, for clients the factory does not make (the hub's).</summary>
    public string AdminKey => _root.AdminKey;

    private ApiHost(PlatformFactory root, TestDatabase? database, string? sqliteDirectory, Action<IServiceCollection>? services)
    {
        _root = root;
        _database = database;
        _sqliteDirectory = sqliteDirectory;
        Factory = root.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.AddSingleton<ICollector, ApiTestCollector>();
            services?.Invoke(s);
        }));
        Client = Factory.CreateClient();
    }

    public static async Task<ApiHost> StartAsync(ApiDatabase database = ApiDatabase.Postgres, Action<IServiceCollection>? services = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var endpoints = await TestServices.GetAsync();
        if (database == ApiDatabase.Postgres)
        {
            var db = await TestServices.CreateDatabaseAsync();
            return new ApiHost(new PlatformFactory(endpoints, db.ConnectionString, settings), db, null, services);
        }

        var directory = Directory.CreateTempSubdirectory("ip-api-sqlite-").FullName;
        await MigratedTemplates.CopySqliteAsync(Path.Combine(directory, "platform.db"));
        var embedded = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { ["Bus:Transport"] = "InMemory" };
        return new ApiHost(new PlatformFactory(endpoints, $"Data Source={Path.Combine(directory, "platform.db")}", embedded),
            null, directory, services);
    }

    /// <summary>A client with no credential (the factory's clients carry the admin key).</summary>
    public HttpClient Anonymous() => Factory.Server.CreateClient();

    /// <summary>A client that sends <paramref name="apiKey"/>.</summary>
    public HttpClient WithKey(string apiKey)
    {
        var client = Factory.Server.CreateClient();
        client.DefaultRequestHeaders.Add(TestAccess.ApiKeyHeader, apiKey);
        return client;
    }

    /// <summary>A client that sends <paramref name="accessToken"/> as a bearer token.</summary>
    public HttpClient WithToken(string accessToken)
    {
        var client = Factory.Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    /// <summary>Creates a user with <paramref name="role"/> as the admin and returns their access token.</summary>
    public async Task<string> CreateUserAsync(string name, string role, string password = "User-pass-123")
    {
        var created = await Client.PostAsJsonAsync("/api/users", new { userName = name, password, role });
        Assert.True(created.IsSuccessStatusCode, $"create {name}: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
        return await TestAccess.SignInAsync(Anonymous(), name, password);
    }

    public async Task<long> CreateAssetAsync(string symbol, string assetType = "stock", string? name = null)
    {
        var response = await Client.PostAsJsonAsync("/api/assets",
            new { symbol, name = name ?? $"{symbol} test asset", assetType, currency = "USD", source = TestSource });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        return body.GetProperty("assetId").GetInt64();
    }

    public async Task InsertAsync<T>(IEnumerable<T> rows) where T : class
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        db.Set<T>().AddRange(rows);
        await db.SaveChangesAsync();
    }

    public static MarketBar Bar(long assetId, string interval, DateTime time, double open, double high, double low, double close,
        double volume, double dividends = 0, double splits = 0) => new()
    {
        AssetId = assetId, Interval = interval, Time = time, Open = open, High = high, Low = low, Close = close,
        AdjClose = close, Volume = volume, Dividends = dividends, StockSplits = splits,
    };

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        await _root.DisposeAsync();
        if (_database is not null)
            await _database.DisposeAsync();
        if (_sqliteDirectory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            await ScratchFolder.DeleteAsync(_sqliteDirectory);
        }
    }
}

/// <summary>A source that serves nothing; it only makes "apitest" a registered collector name.</summary>
internal sealed class ApiTestCollector : ICollector
{
    public SourceDescriptor Descriptor { get; } = new(
        ApiHost.TestSource, "API test source", ["stock", "crypto", "forex", "bond", "economic_indicator"], ["1m", "1d"],
        new Dictionary<string, int?> { ["1m"] = 30, ["1d"] = null },
        new Dictionary<string, int?> { ["1m"] = 7, ["1d"] = null },
        [new SourceParameter("seed", "Not used", false)]);

    public async IAsyncEnumerable<CollectedBatch> CollectAsync(CollectorRequest request,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        await Task.CompletedTask;
        yield break;
    }
}
