using InvestmentPlatform.Data.Series;
using InvestmentPlatform.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace InvestmentPlatform.Data;

/// <summary>Applies the provider's migrations, then turns the series tables into hypertables when TimescaleDB exists.</summary>
public sealed class PlatformDatabaseMigrator(
    IServiceScopeFactory scopes,
    DatabaseSettings settings,
    IOptions<TimescaleOptions> timescale,
    ILogger<PlatformDatabaseMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        try
        {
            await EnsureDatabaseAsync(db, ct);
            await using var migrationLock = await MigrationLock.AcquireAsync(settings, logger, ct);
            // On a new database EF reads the history table before it creates it, and logs that read as a failed
            // command: an error line in every first start. The table made first, that read finds it.
            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(ct);
            // Migrate also diffs the model against the migrations' snapshot, a second or more of CPU on every start;
            // a database that has every migration needs neither (the model-versus-migrations spec guards the diff).
            if ((await db.Database.GetPendingMigrationsAsync(ct)).Any())
                await db.Database.MigrateAsync(ct);
            if (settings.IsPostgres)
                await ConfigureTimescaleAsync(db, ct);
        }
        // EF Core wraps a connection failure it deems transient in an InvalidOperationException.
        catch (Exception ex) when ((ex as NpgsqlException ?? ex.InnerException as NpgsqlException) is { } npgsql)
        {
            throw new PlatformConfigurationException(
                $"{DatabaseSettings.SettingName}: cannot use {settings.Describe()}: {npgsql.Message}", ex);
        }

        if (!settings.IsPostgres)
            // WAL lets the API read while the loader writes.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        logger.LogInformation("Database ready: {Database}", settings.Describe());
    }

    /// <summary>Creates a missing PostgreSQL database; a process that loses the race to create it uses the winner's.</summary>
    private async Task EnsureDatabaseAsync(PlatformDbContext db, CancellationToken ct)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!settings.IsPostgres || await creator.ExistsAsync(ct))
            return;
        try
        {
            await creator.CreateAsync(ct);
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
        }
    }

    private async Task ConfigureTimescaleAsync(PlatformDbContext db, CancellationToken ct)
    {
        var available = await db.Database
            .SqlQueryRaw<int>("SELECT 1 AS \"Value\" FROM pg_available_extensions WHERE name = 'timescaledb'")
            .AnyAsync(ct);
        if (!available)
        {
            logger.LogInformation("TimescaleDB extension not available: series tables stay plain PostgreSQL tables");
            return;
        }

        await db.Database.ExecuteSqlRawAsync("CREATE EXTENSION IF NOT EXISTS timescaledb;", ct);
        var options = timescale.Value;
        foreach (var table in SeriesTable.All.Select(t => t.Name))
        {
            // Table names come from SeriesTable's fixed list and the numbers from typed options: nothing user-supplied.
            string[] statements =
            [
                $"SELECT create_hypertable('{table}', 'time', chunk_time_interval => INTERVAL '{options.ChunkIntervalDays} days', if_not_exists => TRUE, migrate_data => TRUE);",
                $"ALTER TABLE {table} SET (timescaledb.compress, timescaledb.compress_segmentby = 'asset_id, interval', timescaledb.compress_orderby = 'time');",
                $"SELECT add_compression_policy('{table}', INTERVAL '{options.CompressAfterDays} days', if_not_exists => TRUE);",
            ];
            foreach (var sql in statements)
                await db.Database.ExecuteSqlRawAsync(sql, ct);
        }
        logger.LogInformation("TimescaleDB: series tables are hypertables, compressed after {Days} days", options.CompressAfterDays);
    }
}
