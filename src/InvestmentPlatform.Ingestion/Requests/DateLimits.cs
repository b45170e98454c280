namespace InvestmentPlatform.Ingestion.Requests;

/// <summary>The range any request may cover: from 1900-01-01 to one day from now, so planning arithmetic stays in range.</summary>
public static class DateLimits
{
    public static readonly DateTime Earliest = new(1900, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static DateTime Latest(TimeProvider clock) => clock.GetUtcNow().UtcDateTime.AddDays(1);

    public static bool Contains(DateTime time, TimeProvider clock) =>
        time.ToUniversalTime() >= Earliest && time.ToUniversalTime() <= Latest(clock);

    public static string Describe(TimeProvider clock) => $"between {Earliest:yyyy-MM-dd} and one day from now ({Latest(clock):yyyy-MM-ddTHH:mm}Z)";
}
