using System.Net.Http.Json;
using System.Text.Json;
using InvestmentPlatform.Collectors.Core;
using InvestmentPlatform.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace InvestmentPlatform.IntegrationTests.Scheduler;

/// <summary>
/// The platform with the api and scheduler roles (no worker): a <see cref="TestPipeline"/> stands in for the
/// ingestion pipeline. Hosts built with the same database and endpoint prefix are the "same" deployment, so a
/// second host continues where a disposed one stopped.
/// </summary>
public sealed class SchedulerHost(string connectionString, string endpointPrefix, ServiceEndpoints? rabbit, IReadOnlyDictionary<string, string?> settings)
    : WebApplicationFactory<Program>
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string EndpointPrefix { get; } = endpointPrefix;

    /// <summary>The admin API key every client of this factory (and of hosts derived from it) carries.</summary>
    public string AdminKey { get; } = TestAccess.NewAdminKey();

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Add(TestAccess.ApiKeyHeader, AdminKey);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Platform", connectionString);
        builder.UseSetting("Platform:Roles", "api,scheduler");
        builder.UseSetting("Bus:EndpointPrefix", EndpointPrefix);
        if (rabbit is not null)
        {
            builder.UseSetting("Bus:Transport", "RabbitMq");
            builder.UseSetting("Bus:RabbitMq:Host", rabbit.RabbitHost);
            builder.UseSetting("Bus:RabbitMq:Port", rabbit.RabbitPort.ToString());
            builder.UseSetting("Bus:RabbitMq:VirtualHost", rabbit.RabbitVirtualHost);
            builder.UseSetting("Bus:RabbitMq:Username", rabbit.RabbitUser);
            builder.UseSetting("Bus:RabbitMq:Password", rabbit.RabbitPassword);
        }
        builder.UseSetting("Outbox:PollMilliseconds", "100");
        builder.UseSetting("Scheduler:SweepSeconds", "0.5");
        builder.UseSetting("Scheduler:RetryBaseSeconds", "1");
        TestAccess.Configure(builder, AdminKey);
        // Jobs here fire every second or two so that specs finish quickly.
        builder.UseSetting("Scheduler:MinPeriodSeconds", "1");
        foreach (var (key, value) in settings)
            builder.UseSetting(key, value);
        builder.ConfigureTestServices(s => s.AddSingleton<ICollector, TestCollector>());
    }

    /// <summary>A PostgreSQL + RabbitMQ host on a fresh database.</summary>
    public static async Task<(SchedulerHost Host, TestDatabase Database)> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var database = await TestServices.CreateDatabaseAsync();
        var host = await StartOnAsync(database.ConnectionString, $"s{Guid.NewGuid():N}"[..12], settings);
        return (host, database);
    }

    /// <summary>Another host of the same deployment (same database and queues).</summary>
    public static async Task<SchedulerHost> StartOnAsync(string connectionString, string endpointPrefix, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var services = await TestServices.GetAsync();
        var host = new SchedulerHost(connectionString, endpointPrefix, services, settings ?? new Dictionary<string, string?>());
        _ = host.Server;
        return host;
    }

    /// <summary>The embedded mode: a SQLite file and the in-memory bus.</summary>
    public static SchedulerHost StartEmbedded(string databaseFile)
    {
        var host = new SchedulerHost($"Data Source={databaseFile};Pooling=True;Default Timeout=30", "embedded", null,
            new Dictionary<string, string?> { ["Bus:Transport"] = "InMemory" });
        _ = host.Server;
        return host;
    }

    public async Task<T> GetAsync<T>(string url)
    {
        var response = await CreateClient().GetAsync(url);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<T>(Json))!;
    }

    public async Task<JsonElement> PostAsync(string url, object body, int expectedStatus)
    {
        var response = await CreateClient().PostAsJsonAsync(url, body, Json);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == expectedStatus, $"POST {url}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}

/// <summary>A source the tests can schedule against, whatever collectors the build has.</summary>
public sealed class TestCollector : ICollector
{
    public SourceDescriptor Descriptor { get; } = new("testsource", "Test source", ["stock"], ["1m", "1h", "1d"],
        new Dictionary<string, int?>(), new Dictionary<string, int?>(), [], IsSynthetic: true);

    public async IAsyncEnumerable<CollectedBatch> CollectAsync(CollectorRequest request, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        await Task.CompletedTask;
        yield break;
    }
}
