using System.Data.Common;
using InvestmentPlatform.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace InvestmentPlatform.Api.MarketData;

/// <summary>Opens plain ADO.NET connections for the series queries, which stream too many rows for EF tracking.</summary>
public sealed class SeriesConnections(DatabaseSettings settings, IServiceProvider services)
{
    public DatabaseProvider Provider => settings.Provider;

    public async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        if (settings.IsPostgres)
            return await services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync(ct);
        var connection = new SqliteConnection(settings.ConnectionString);
        await connection.OpenAsync(ct);
        return connection;
    }

    private bool? _timescale;

    /// <summary>Whether TimescaleDB's time_bucket can be used; checked once per process.</summary>
    public async Task<bool> HasTimescaleAsync(DbConnection connection, CancellationToken ct)
    {
        if (!settings.IsPostgres)
            return false;
        if (_timescale is { } known)
            return known;
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb')";
        _timescale = (bool)(await cmd.ExecuteScalarAsync(ct))!;
        return _timescale.Value;
    }
}

public static class DbCommandExtensions
{
    public static DbCommand With(this DbCommand cmd, string name, object? value)
    {
        cmd.AddParameter(name, value);
        return cmd;
    }
}
