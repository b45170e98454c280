using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace InvestmentPlatform.Data;

/// <summary>
/// One migrating process per database at a time: a session advisory lock on PostgreSQL, an exclusive lock file
/// beside the database on SQLite. Processes that start together wait here, then find the migrations applied.
/// </summary>
public sealed class MigrationLock : IAsyncDisposable
{
    // Any fixed number works; advisory lock keys are scoped to the database.
    private const long AdvisoryKey = 0x1F_0A_11_0C_4B;
    private static readonly TimeSpan FilePollInterval = TimeSpan.FromMilliseconds(200);

    private readonly NpgsqlConnection? _connection;
    private readonly FileStream? _file;

    private MigrationLock(NpgsqlConnection? connection, FileStream? file)
    {
        _connection = connection;
        _file = file;
    }

    public static Task<MigrationLock> AcquireAsync(DatabaseSettings settings, ILogger logger, CancellationToken ct) =>
        settings.IsPostgres ? AcquirePostgresAsync(settings.ConnectionString, logger, ct) : AcquireFileAsync(settings.ConnectionString, logger, ct);

    private static async Task<MigrationLock> AcquirePostgresAsync(string connectionString, ILogger logger, CancellationToken ct)
    {
        // Unpooled, so that closing the connection always ends the session and with it the lock.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            if (!await ExecuteAsync(connection, $"SELECT pg_try_advisory_lock({AdvisoryKey})", ct))
            {
                logger.LogInformation("Another process is migrating the database; waiting for it");
                await ExecuteAsync(connection, $"SELECT pg_advisory_lock({AdvisoryKey}) IS NOT NULL", ct);
            }
            return new MigrationLock(connection, null);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static async Task<bool> ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        // Waiting for another migration has no time limit but the caller's.
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        return await command.ExecuteScalarAsync(ct) is true;
    }

    private static async Task<MigrationLock> AcquireFileAsync(string connectionString, ILogger logger, CancellationToken ct)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode == SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:")
            return new MigrationLock(null, null);

        var path = Path.GetFullPath(builder.DataSource) + ".migrate.lock";
        var waiting = false;
        while (true)
        {
            try
            {
                // FileShare.None is an exclusive lock between processes (flock on Unix), released when the process ends.
                return new MigrationLock(null, new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException)
            {
                if (!waiting)
                    logger.LogInformation("Another process is migrating the database; waiting for it");
                waiting = true;
                await Task.Delay(FilePollInterval, ct);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
            await _connection.DisposeAsync();
        if (_file is not null)
            await _file.DisposeAsync();
    }
}
