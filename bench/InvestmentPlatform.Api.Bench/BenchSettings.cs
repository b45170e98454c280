namespace InvestmentPlatform.Api.Bench;

/// <summary>Where and how much: PostgreSQL from IP_BENCH_POSTGRES (default: the local test server), 10M rows, one symbol's year.</summary>
public sealed record BenchSettings(string ConnectionString, long TotalRows, int Iterations, int Warmup, int Port)
{
    public const string Symbol = "BENCH-0";
    public const int Assets = 20;
    public static readonly DateTime YearStart = new(2023, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime YearEnd = new(2023, 12, 31, 23, 59, 0, DateTimeKind.Utc);
    public const int BarsPerYear = 525_600;

    public static BenchSettings FromEnvironment() => new(
        Environment.GetEnvironmentVariable("IP_BENCH_POSTGRES") ?? "Host=127.0.0.1;Port=55432;Username=postgres;Database=ip_api_bench",
        long.TryParse(Environment.GetEnvironmentVariable("IP_BENCH_ROWS"), out var rows) ? rows : 10_000_000,
        int.TryParse(Environment.GetEnvironmentVariable("IP_BENCH_ITERATIONS"), out var n) ? n : 25,
        3,
        int.TryParse(Environment.GetEnvironmentVariable("IP_BENCH_PORT"), out var port) ? port : 18790);
}
