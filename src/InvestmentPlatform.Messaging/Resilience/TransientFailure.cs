using System.Net.Sockets;
using MassTransit;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace InvestmentPlatform.Messaging.Resilience;

/// <summary>
/// Failures of the platform's own infrastructure that heal by themselves: the database or broker away (connection
/// refused or reset, administrator shutdown, too many connections) or a transaction that lost a race (serialization
/// failure, deadlock). Work that meets one is tried again later, never given up while its deadline allows.
/// </summary>
public static class TransientFailure
{
    private static readonly string[] SqlStates =
    [
        PostgresErrorCodes.AdminShutdown, PostgresErrorCodes.CrashShutdown, PostgresErrorCodes.CannotConnectNow,
        PostgresErrorCodes.SerializationFailure, PostgresErrorCodes.DeadlockDetected, PostgresErrorCodes.TooManyConnections,
    ];

    // SQLITE_BUSY and SQLITE_LOCKED: another connection holds the file.
    private static readonly int[] SqliteCodes = [5, 6];

    public static bool IsTransient(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException pg when SqlStates.Contains(pg.SqlState) || pg.SqlState.StartsWith("08", StringComparison.Ordinal):
                    return true;
                case PostgresException:
                    return false;
                case NpgsqlException npgsql when npgsql.IsTransient:
                case SqliteException sqlite when SqliteCodes.Contains(sqlite.SqliteErrorCode):
                case SocketException:
                case IOException:
                    return true;
                case AggregateException aggregate when aggregate.InnerExceptions.Any(IsTransient):
                    return true;
            }
            if (IsBrokerType(e.GetType().FullName))
                return true;
        }
        return false;
    }

    /// <summary>The same judgement on a fault that crossed the bus, which keeps only type names and messages.</summary>
    public static bool IsTransient(ExceptionInfo? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            var type = e.ExceptionType ?? "";
            if (type == typeof(PostgresException).FullName)
                return SqlStates.Any(s => e.Message.StartsWith(s + ":", StringComparison.Ordinal)) || e.Message.StartsWith("08", StringComparison.Ordinal);
            if (type == typeof(NpgsqlException).FullName || type == typeof(SocketException).FullName || IsBrokerType(type)
                || (type == typeof(SqliteException).FullName && e.Message.Contains("database is locked", StringComparison.OrdinalIgnoreCase)))
                return true;
        }
        return false;
    }

    /// <summary>
    /// Whether a transient failure is the broker's rather than the database's: Npgsql and SQLite wrap every failure of
    /// theirs, a bare socket error included, so a failure without them in its chain is the broker connection's.
    /// </summary>
    public static bool IsBrokerFailure(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is NpgsqlException or SqliteException)
                return false;
        }
        return true;
    }

    private static bool IsBrokerType(string? type) =>
        type is not null && (type.StartsWith("RabbitMQ.Client.Exceptions.", StringComparison.Ordinal)
                             || type.Contains("ConnectionException", StringComparison.Ordinal)
                             || type.Contains("TransportUnavailable", StringComparison.Ordinal));
}
