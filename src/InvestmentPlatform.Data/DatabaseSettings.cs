using InvestmentPlatform.ServiceDefaults;
using Npgsql;

namespace InvestmentPlatform.Data;

/// <summary>Which database the platform runs on, resolved once from ConnectionStrings:Platform.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string ConnectionStringName = "Platform";
    public const string SettingName = "ConnectionStrings__Platform";

    public bool IsPostgres => Provider == DatabaseProvider.Postgres;

    /// <summary>Unset means the embedded SQLite file under ./data/; "Host=..." means PostgreSQL.</summary>
    public static DatabaseSettings Resolve(string? connectionString, string dataDirectory)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            Directory.CreateDirectory(dataDirectory);
            var path = Path.Combine(dataDirectory, "platform.db");
            return new(DatabaseProvider.Sqlite, $"Data Source={path};Pooling=True;Default Timeout=30");
        }

        var trimmed = connectionString.Trim();
        if (trimmed.StartsWith("Data Source=", StringComparison.OrdinalIgnoreCase) ||
            trimmed.StartsWith("Filename=", StringComparison.OrdinalIgnoreCase))
            return new(DatabaseProvider.Sqlite, trimmed);

        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(trimmed);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new PlatformConfigurationException($"{SettingName} is malformed: {ex.Message}", ex);
        }

        if (string.IsNullOrWhiteSpace(builder.Host))
            throw new PlatformConfigurationException(
                $"{SettingName} must name a PostgreSQL Host (Host=...;Database=...), or be unset for the embedded SQLite database.");
        return new(DatabaseProvider.Postgres, builder.ConnectionString);
    }

    /// <summary>Host and database without the password, for messages.</summary>
    public string Describe() => IsPostgres
        ? new NpgsqlConnectionStringBuilder(ConnectionString) is var b ? $"PostgreSQL {b.Host}:{b.Port}/{b.Database}" : ""
        : $"SQLite {ConnectionString.Split(';')[0].Replace("Data Source=", "", StringComparison.OrdinalIgnoreCase)}";
}
