namespace InvestmentPlatform.Data;

/// <summary>
/// The platform's one time convention: every time is UTC. A time of unspecified kind (SQLite, a query string, a JSON
/// body without an offset) is taken as UTC, and a local one is converted.
/// </summary>
public static class UtcTimes
{
    public static DateTime AsUtc(this DateTime t) => t.Kind switch
    {
        DateTimeKind.Utc => t,
        DateTimeKind.Local => t.ToUniversalTime(),
        _ => DateTime.SpecifyKind(t, DateTimeKind.Utc),
    };
}
