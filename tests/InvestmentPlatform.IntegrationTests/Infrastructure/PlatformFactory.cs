using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace InvestmentPlatform.IntegrationTests.Infrastructure;

/// <summary>The whole platform in distributed configuration (PostgreSQL + RabbitMQ) behind a test server.</summary>
public sealed class PlatformFactory(
    ServiceEndpoints services,
    string connectionString,
    IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    /// <summary>Queue-name prefix unique to this factory so endpoints never steal another factory's messages.</summary>
    public string EndpointPrefix { get; } = $"t{Guid.NewGuid():N}"[..12];

    /// <summary>The admin API key every client of this factory (and of hosts derived from it) carries.</summary>
    public string AdminKey { get; } = TestAccess.NewAdminKey();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Platform", connectionString);
        builder.UseSetting("Bus:Transport", "RabbitMq");
        builder.UseSetting("Bus:EndpointPrefix", EndpointPrefix);
        builder.UseSetting("Bus:RabbitMq:Host", services.RabbitHost);
        builder.UseSetting("Bus:RabbitMq:Port", services.RabbitPort.ToString());
        builder.UseSetting("Bus:RabbitMq:VirtualHost", services.RabbitVirtualHost);
        builder.UseSetting("Bus:RabbitMq:Username", services.RabbitUser);
        builder.UseSetting("Bus:RabbitMq:Password", services.RabbitPassword);
        builder.UseSetting("Outbox:PollMilliseconds", "100");
        TestAccess.Configure(builder, AdminKey);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            builder.UseSetting(key, value);
    }

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Add(TestAccess.ApiKeyHeader, AdminKey);
    }

    /// <param name="empty">Start on an empty database, which the host migrates, as a first start does.</param>
    public static async Task<(PlatformFactory Factory, TestDatabase Database)> StartAsync(
        IReadOnlyDictionary<string, string?>? settings = null, bool empty = false)
    {
        var services = await TestServices.GetAsync();
        var database = await TestServices.CreateDatabaseAsync(empty);
        var factory = new PlatformFactory(services, database.ConnectionString, settings);
        _ = factory.Server; // builds the host, which migrates the database
        return (factory, database);
    }
}
