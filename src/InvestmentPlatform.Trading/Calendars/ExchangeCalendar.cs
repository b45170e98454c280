using InvestmentPlatform.Contracts.Ingestion;

namespace InvestmentPlatform.Trading.Calendars;

/// <summary>
/// When an exchange trades: a time zone, the local open and close, the weekdays, and the full-day holidays. One small
/// table per exchange; the session of a day runs from <see cref="Open"/> to <see cref="Close"/> local time, and a close
/// before the open (FX) means the session starts the evening before.
/// </summary>
public sealed record ExchangeCalendar(
    string Name,
    TimeZoneInfo Zone,
    TimeSpan Open,
    TimeSpan Close,
    IReadOnlySet<DayOfWeek> Days,
    IReadOnlySet<DateOnly> Holidays)
{
    public bool IsOpen(DateTime utc) => SessionAt(utc) is not null;

    /// <summary>The session (open, close in UTC) that contains <paramref name="utc"/>, or null when the market is closed.</summary>
    public (DateTime Open, DateTime Close)? SessionAt(DateTime utc)
    {
        var local = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, Zone));
        // An overnight session (FX) that opened yesterday evening may still be running.
        foreach (var day in new[] { local, local.AddDays(1) })
        {
            if (Session(day) is { } s && s.Open <= utc && utc < s.Close)
                return s;
        }
        return null;
    }

    /// <summary>The end of the session an order placed at <paramref name="utc"/> lives in: the current one, else the next.</summary>
    public DateTime SessionEndFor(DateTime utc)
    {
        if (SessionAt(utc) is { } current)
            return current.Close;
        var local = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, Zone));
        for (var day = local; day <= local.AddDays(15); day = day.AddDays(1))
        {
            if (Session(day) is { } s && s.Open > utc)
                return s.Close;
        }
        throw new InvalidOperationException($"{Name} has no session in the 15 days after {utc:O}.");
    }

    /// <summary>The session of a trading day in UTC, or null on a weekend or holiday.</summary>
    public (DateTime Open, DateTime Close)? Session(DateOnly day)
    {
        if (!Days.Contains(day.DayOfWeek) || Holidays.Contains(day))
            return null;
        var open = Close > Open ? day.ToDateTime(TimeOnly.MinValue) + Open : day.AddDays(-1).ToDateTime(TimeOnly.MinValue) + Open;
        var close = day.ToDateTime(TimeOnly.MinValue) + Close;
        return (ToUtc(open), ToUtc(close));
    }

    private DateTime ToUtc(DateTime local) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone);
}

/// <summary>The calendars the paper engine knows, and which one an asset trades on.</summary>
public static class ExchangeCalendars
{
    private static readonly DayOfWeek[] Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    // Full-day closures; early closes are traded as full days.
    private static readonly DateOnly[] UsHolidays = Dates(
        "2024-01-01", "2024-01-15", "2024-02-19", "2024-03-29", "2024-05-27", "2024-06-19", "2024-07-04", "2024-09-02", "2024-11-28", "2024-12-25",
        "2025-01-01", "2025-01-09", "2025-01-20", "2025-02-17", "2025-04-18", "2025-05-26", "2025-06-19", "2025-07-04", "2025-09-01", "2025-11-27", "2025-12-25",
        "2026-01-01", "2026-01-19", "2026-02-16", "2026-04-03", "2026-05-25", "2026-06-19", "2026-07-03", "2026-09-07", "2026-11-26", "2026-12-25",
        "2027-01-01", "2027-01-18", "2027-02-15", "2027-03-26", "2027-05-31", "2027-06-18", "2027-07-05", "2027-09-06", "2027-11-25", "2027-12-24");

    private static readonly DateOnly[] LondonHolidays = Dates(
        "2024-01-01", "2024-03-29", "2024-04-01", "2024-05-06", "2024-05-27", "2024-08-26", "2024-12-25", "2024-12-26",
        "2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26",
        "2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28",
        "2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28");

    private static readonly DateOnly[] XetraHolidays = Dates(
        "2024-01-01", "2024-03-29", "2024-04-01", "2024-05-01", "2024-12-24", "2024-12-25", "2024-12-26", "2024-12-31",
        "2025-01-01", "2025-04-18", "2025-04-21", "2025-05-01", "2025-12-24", "2025-12-25", "2025-12-26", "2025-12-31",
        "2026-01-01", "2026-04-03", "2026-04-06", "2026-05-01", "2026-12-24", "2026-12-25", "2026-12-31",
        "2027-01-01", "2027-03-26", "2027-03-29", "2027-12-24", "2027-12-31");

    public static readonly ExchangeCalendar Us = new("NYSE/NASDAQ", Zone("America/New_York"), new(9, 30, 0), new(16, 0, 0),
        Weekdays.ToHashSet(), UsHolidays.ToHashSet());

    public static readonly ExchangeCalendar London = new("LSE", Zone("Europe/London"), new(8, 0, 0), new(16, 30, 0),
        Weekdays.ToHashSet(), LondonHolidays.ToHashSet());

    public static readonly ExchangeCalendar Xetra = new("XETRA", Zone("Europe/Berlin"), new(9, 0, 0), new(17, 30, 0),
        Weekdays.ToHashSet(), XetraHolidays.ToHashSet());

    public static readonly ExchangeCalendar Crypto = new("24/7 crypto", TimeZoneInfo.Utc, TimeSpan.Zero, TimeSpan.FromDays(1),
        Enum.GetValues<DayOfWeek>().ToHashSet(), new HashSet<DateOnly>());

    /// <summary>FX trades from 17:00 New York on Sunday to 17:00 on Friday: each weekday's session opens the evening before.</summary>
    public static readonly ExchangeCalendar Forex = new("FX", Zone("America/New_York"), new(17, 0, 0), new(17, 0, 0),
        Weekdays.ToHashSet(), new HashSet<DateOnly>());

    /// <summary>The calendar of an asset: by exchange code when the provider gave one, else by asset type (US hours for stocks).</summary>
    public static ExchangeCalendar For(string assetType, string? exchange)
    {
        if (assetType == AssetTypes.Crypto)
            return Crypto;
        if (assetType == AssetTypes.Forex)
            return Forex;
        return exchange?.Trim().ToUpperInvariant() switch
        {
            "LSE" or "LON" or "XLON" or "IOB" => London,
            "XETRA" or "GER" or "XETR" or "ETR" or "FRA" => Xetra,
            _ => Us,
        };
    }

    private static DateOnly[] Dates(params string[] days) => days.Select(DateOnly.Parse).ToArray();

    private static TimeZoneInfo Zone(string id) => TimeZoneInfo.FindSystemTimeZoneById(id);
}
