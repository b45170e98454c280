using Npgsql;

namespace InvestmentPlatform.Api.Bench;

/// <summary>
/// Where and how much: PostgreSQL from IP_BENCH_POSTGRES (default: the local test server), 10M rows, 100 timed runs;
/// IP_BENCH_SCALE=1 adds the 100M-row database; the embedded SQLite file lives under IP_BENCH_SQLITE_DIR.
/// </summary>
public sealed record BenchSettings(string ConnectionString, long TotalRows, int Iterations, int Warmup, int Port, bool Scale, string SqliteDirectory)
{
    /// <summary>One full year of minute bars: the measured query.</summary>
    public const string Symbol = "BENCH-0";
    /// <summary>Two full years of minute bars: twice the rows, for the memory figure.</summary>
    public const string TwoYearSymbol = "BENCH-1";
    public const int Assets = 20;
    public const int ScaleAssets = 500;
    public const long ScaleRows = 100_000_000;
    public static readonly DateTime YearStart = new(2023, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime YearEnd = new(2023, 12, 31, 23, 59, 0, DateTimeKind.Utc);
    public const int BarsPerYear = 525_600;
    public const int BarsTwoYears = 2 * BarsPerYear;

    /// <summary>The 100M-row database: the same server, the database name with _100m, kept for reruns.</summary>
    public string ScaleConnectionString
    {
        get
        {
            var b = new NpgsqlConnectionStringBuilder(ConnectionString);
            b.Database += "_100m";
            return b.ConnectionString;
        }
    }

    public static BenchSettings FromEnvironment(string[] args) => new(
        Environment.GetEnvironmentVariable("IP_BENCH_POSTGRES") ?? "Host=127.0.0.1;Port=55432;Username=postgres;Database=ip_api_bench",
        long.TryParse(Environment.GetEnvironmentVariable("IP_BENCH_ROWS"), out var rows) ? rows : 10_000_000,
        int.TryParse(Environment.GetEnvironmentVariable("IP_BENCH_ITERATIONS"), out var n) ? n : 100,
        3,
        int.TryParse(Environment.GetEnvironmentVariable("IP_BENCH_PORT"), out var port) ? port : 18790,
        Environment.GetEnvironmentVariable("IP_BENCH_SCALE") == "1" || args.Contains("scale"),
        Environment.GetEnvironmentVariable("IP_BENCH_SQLITE_DIR") ?? Path.Combine(Path.GetTempPath(), "ip_api_bench_sqlite"));
}
