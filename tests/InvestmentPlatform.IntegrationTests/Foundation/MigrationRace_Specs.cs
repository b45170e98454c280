using InvestmentPlatform.IntegrationTests.Infrastructure;
using Npgsql;

namespace InvestmentPlatform.IntegrationTests.Foundation;

[Collection(IntegrationCollection.Name)]
public sealed class When_four_roles_start_at_once_on_an_empty_database : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private readonly List<PlatformProcess> _processes = [];

    public async Task InitializeAsync() => _database = await TestServices.CreateDatabaseAsync(empty: true);

    public async Task DisposeAsync()
    {
        foreach (var process in _processes)
            await process.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Should_bring_every_one_up_on_one_applied_schema()
    {
        var settings = new PlatformProcessSettings(_database.ConnectionString, await TestServices.GetAsync(), $"m{Guid.NewGuid():N}"[..12]);
        foreach (var roles in new[] { "api", "scheduler", "worker", "worker" })
            _processes.Add(PlatformProcess.Start(roles, settings));

        var ready = await Task.WhenAll(_processes.Select(p => p.WaitReadyAsync(TimeSpan.FromSeconds(120))));

        for (var i = 0; i < _processes.Count; i++)
            Assert.True(ready[i], _processes[i].Tail());
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(
            "SELECT count(*), count(DISTINCT migration_id) FROM \"__EFMigrationsHistory\"", connection);
        await using var reader = await cmd.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.True(reader.GetInt64(0) > 0);
        Assert.Equal(reader.GetInt64(1), reader.GetInt64(0));
        await reader.CloseAsync();

        // Each process bootstrapped access too: the roles and the admin exist once.
        await using var access = new NpgsqlCommand("SELECT (SELECT count(*) FROM roles), (SELECT count(*) FROM users)", connection);
        await using var counts = await access.ExecuteReaderAsync();
        await counts.ReadAsync();
        Assert.Equal((3L, 1L), (counts.GetInt64(0), counts.GetInt64(1)));
    }
}

public sealed class When_three_processes_migrate_one_SQLite_file_at_once : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("ip-migrate-race-").FullName;
    private readonly List<PlatformProcess> _processes = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var process in _processes)
            await process.DisposeAsync();
        await ScratchFolder.DeleteAsync(_directory);
    }

    [Fact]
    public async Task Should_finish_every_migration_with_success()
    {
        var broker = new ServiceEndpoints("", "127.0.0.1", 5672, "/", "guest", "guest");
        var settings = new PlatformProcessSettings($"Data Source={Path.Combine(_directory, "platform.db")}", broker, "unused",
            new Dictionary<string, string> { ["Bus__Transport"] = "InMemory" });
        for (var i = 0; i < 3; i++)
            _processes.Add(PlatformProcess.Start("all", settings, command: "migrate"));

        // Generous: the processes take turns, each starting a .NET host, on a machine that may be running other suites.
        var exitCodes = await Task.WhenAll(_processes.Select(p => p.WaitForExitAsync(TimeSpan.FromMinutes(5))));

        for (var i = 0; i < _processes.Count; i++)
            Assert.True(exitCodes[i] == 0, _processes[i].Tail());
    }
}
