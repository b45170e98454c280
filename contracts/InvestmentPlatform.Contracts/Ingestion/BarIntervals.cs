namespace InvestmentPlatform.Contracts.Ingestion;

/// <summary>The bar intervals of the wire contracts and the API, finest first.</summary>
public static class BarIntervals
{
    /// <summary>Every interval, finest first.</summary>
    public static readonly IReadOnlyList<string> All = ["1m", "5m", "15m", "30m", "1h", "1d", "1wk", "1mo"];

    /// <summary>Whether <paramref name="interval"/> is one of <see cref="All"/>.</summary>
    public static bool IsKnown(string? interval) => interval is not null && All.Contains(interval);

    /// <summary>Nominal length of one bar; a month counts as 30 days for window arithmetic.</summary>
    public static TimeSpan Length(string interval) => interval switch
    {
        "1m" => TimeSpan.FromMinutes(1),
        "5m" => TimeSpan.FromMinutes(5),
        "15m" => TimeSpan.FromMinutes(15),
        "30m" => TimeSpan.FromMinutes(30),
        "1h" => TimeSpan.FromHours(1),
        "1d" => TimeSpan.FromDays(1),
        "1wk" => TimeSpan.FromDays(7),
        "1mo" => TimeSpan.FromDays(30),
        _ => throw new ArgumentOutOfRangeException(nameof(interval), interval, "Unknown interval"),
    };

    /// <summary>Orders intervals from finest to coarsest, for resampling checks.</summary>
    public static int Rank(string interval) => All.ToList().IndexOf(interval);
}
