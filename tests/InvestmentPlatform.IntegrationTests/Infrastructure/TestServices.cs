using System.Globalization;
using Npgsql;
using Testcontainers.PostgreSql;
using Testcontainers.RabbitMq;

namespace InvestmentPlatform.IntegrationTests.Infrastructure;

/// <summary>
/// The real PostgreSQL and RabbitMQ the tests run against: the ones ./test.sh started (IP_TEST_* variables),
/// or containers where IP_TEST_USE_TESTCONTAINERS=1. A missing service fails the test; it never skips.
/// </summary>
public static class TestServices
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static ServiceEndpoints? _endpoints;

    public static async Task<ServiceEndpoints> GetAsync()
    {
        await Gate.WaitAsync();
        try
        {
            return _endpoints ??= await ResolveAsync();
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>
    /// A new database on the test server, migrated unless <paramref name="empty"/> (for specs about migrating); dropped
    /// by the returned handle.
    /// </summary>
    public static async Task<TestDatabase> CreateDatabaseAsync(bool empty = false)
    {
        var services = await GetAsync();
        var name = $"ip_test_{Guid.NewGuid():N}";
        var template = empty ? "" : $" TEMPLATE {await MigratedTemplates.PostgresAsync(services.PostgresAdmin)}";
        await using (var admin = new NpgsqlConnection(services.PostgresAdmin))
        {
            await admin.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}{template}", admin);
            await cmd.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(services.PostgresAdmin) { Database = name };
        return new TestDatabase(name, builder.ConnectionString, services.PostgresAdmin);
    }

    private static async Task<ServiceEndpoints> ResolveAsync()
    {
        if (Environment.GetEnvironmentVariable("IP_TEST_USE_TESTCONTAINERS") == "1")
        {
            var pg = new PostgreSqlBuilder("timescale/timescaledb:latest-pg16").Build();
            var rabbit = new RabbitMqBuilder("rabbitmq:3-management").Build();
            await Task.WhenAll(pg.StartAsync(), rabbit.StartAsync());
            var amqp = new Uri(rabbit.GetConnectionString());
            return new ServiceEndpoints(pg.GetConnectionString(), amqp.Host, (ushort)amqp.Port, "/", "rabbitmq", "rabbitmq");
        }

        var postgres = Environment.GetEnvironmentVariable("IP_TEST_POSTGRES");
        var rabbitHost = Environment.GetEnvironmentVariable("IP_TEST_RABBITMQ_HOST");
        if (string.IsNullOrEmpty(postgres) || string.IsNullOrEmpty(rabbitHost))
            throw new InvalidOperationException(
                "PostgreSQL and RabbitMQ are not configured (IP_TEST_POSTGRES, IP_TEST_RABBITMQ_HOST): run the tests with ./test.sh.");
        return new ServiceEndpoints(
            postgres,
            rabbitHost,
            ushort.Parse(Environment.GetEnvironmentVariable("IP_TEST_RABBITMQ_PORT") ?? "5672", CultureInfo.InvariantCulture),
            Environment.GetEnvironmentVariable("IP_TEST_RABBITMQ_VHOST") ?? "/",
            Environment.GetEnvironmentVariable("IP_TEST_RABBITMQ_USER") ?? "guest",
            Environment.GetEnvironmentVariable("IP_TEST_RABBITMQ_PASSWORD") ?? "guest");
    }
}

public sealed record ServiceEndpoints(
    string PostgresAdmin,
    string RabbitHost,
    ushort RabbitPort,
    string RabbitVirtualHost,
    string RabbitUser,
    string RabbitPassword);

public sealed class TestDatabase(string name, string connectionString, string adminConnectionString) : IAsyncDisposable
{
    public string Name { get; } = name;
    public string ConnectionString { get; } = connectionString;

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(adminConnectionString);
        await admin.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", admin);
        await cmd.ExecuteNonQueryAsync();
    }
}
