using InvestmentPlatform.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace InvestmentPlatform.IntegrationTests.Infrastructure;

/// <summary>
/// A migrated PostgreSQL database and SQLite file, made once per test run, that new test databases are copied from:
/// applying every migration to each new database was most of a test host's start. The host still runs the migrator,
/// which finds nothing to apply. Specs about migrating itself ask for an empty database instead.
/// </summary>
public static class MigratedTemplates
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _postgres;
    private static string? _sqlite;

    /// <summary>
    /// The template database's name. It carries the build of the data project, so a template of other migrations is
    /// never used; templates of earlier builds are dropped.
    /// </summary>
    public static async Task<string> PostgresAsync(string adminConnectionString)
    {
        await Gate.WaitAsync();
        try
        {
            return _postgres ??= await CreatePostgresAsync(adminConnectionString);
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Copies the migrated SQLite file to <paramref name="path"/>.</summary>
    public static async Task CopySqliteAsync(string path)
    {
        await Gate.WaitAsync();
        try
        {
            _sqlite ??= await CreateSqliteAsync();
        }
        finally
        {
            Gate.Release();
        }
        File.Copy(_sqlite, path);
    }

    private static async Task<string> CreatePostgresAsync(string adminConnectionString)
    {
        var build = typeof(PlatformDbContext).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..16];
        var name = $"ip_test_template_{build}";
        await using var admin = new NpgsqlConnection(adminConnectionString);
        await admin.OpenAsync();
        var existing = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT datname FROM pg_database WHERE datname LIKE 'ip\\_test\\_template\\_%'", admin))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                existing.Add(reader.GetString(0));
        if (existing.Contains(name))
            return name;
        foreach (var old in existing)
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {old} WITH (FORCE)");

        // Built under a name of its own and renamed when complete: a run that stops halfway leaves no half template.
        var building = $"ip_test_building_{Guid.NewGuid():N}";
        await ExecuteAsync(admin, $"CREATE DATABASE {building}");
        await MigrateAsync(new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = building, Pooling = false }.ConnectionString);
        try
        {
            await ExecuteAsync(admin, $"ALTER DATABASE {building} RENAME TO {name}");
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Another test process of this run (test.sh runs two at once) made the same template first.
            await ExecuteAsync(admin, $"DROP DATABASE {building} WITH (FORCE)");
        }
        return name;
    }

    private static async Task<string> CreateSqliteAsync()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("ip-template-").FullName, "platform.db");
        await MigrateAsync($"Data Source={path};Pooling=False");
        return path;
    }

    private static async Task MigrateAsync(string connectionString)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration["ConnectionStrings:Platform"] = connectionString;
        builder.AddPlatformData();
        using var host = builder.Build();
        await host.Services.GetRequiredService<PlatformDatabaseMigrator>().MigrateAsync();
        // The data source is a registered instance, which the container does not dispose: its connections would keep
        // the template busy, and PostgreSQL copies no database that has a session.
        host.Services.GetService<NpgsqlDataSource>()?.Dispose();
        SqliteConnection.ClearAllPools();
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, connection);
        await cmd.ExecuteNonQueryAsync();
    }
}
