using System.Net;
using System.Text.Json;
using InvestmentPlatform.IntegrationTests.Infrastructure;
using Npgsql;

namespace InvestmentPlatform.IntegrationTests.Foundation;

[Collection(IntegrationCollection.Name)]
public sealed class When_the_platform_starts_on_PostgreSQL_and_RabbitMQ : IAsyncLifetime
{
    private PlatformFactory _factory = null!;
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => (_factory, _database) = await PlatformFactory.StartAsync(empty: true);

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Should_report_database_and_bus_healthy()
    {
        var client = _factory.CreateClient();
        HttpResponseMessage response = null!;
        // The bus connects asynchronously after start-up.
        for (var i = 0; i < 60; i++)
        {
            response = await client.GetAsync("/api/health");
            if (response.StatusCode == HttpStatusCode.OK) break;
            await Task.Delay(500);
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        var checks = body.RootElement.GetProperty("checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
        Assert.Equal("Healthy", checks["database"]);
        Assert.Equal("Healthy", checks["masstransit-bus"]);
    }

    [Fact]
    public async Task Should_create_every_table_of_the_schema()
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'", connection);
        var tables = new HashSet<string>();
        await using (var reader = await cmd.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));

        foreach (var table in new[]
                 {
                     "assets", "market_data", "forex_rates", "bond_rates", "economic_data", "data_collection_log",
                     "scheduler_jobs", "scheduler_job_templates", "job_runs", "outbox",
                 })
            Assert.Contains(table, tables);
    }

    [Fact]
    public async Task Should_key_market_data_by_asset_interval_and_time()
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            SELECT string_agg(a.attname, ',' ORDER BY array_position(i.indkey, a.attnum))
            FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
            WHERE i.indrelid = 'market_data'::regclass AND i.indisprimary
            """, connection);
        Assert.Equal("asset_id,interval,time", await cmd.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Should_serve_the_OpenAPI_document_and_Swagger_UI()
    {
        var client = _factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/docs/v1/openapi.json")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/docs/index.html")).StatusCode);
    }

    [Fact]
    public async Task Should_answer_unknown_api_paths_with_problem_details_404()
    {
        var response = await _factory.CreateClient().GetAsync("/api/no-such-thing");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
