namespace InvestmentPlatform.Calendars;

/// <summary>
/// When a market trades: its sessions in its own time zone, early closes and holidays. Dates are the market's own
/// trading dates; times are UTC. Get one from <see cref="ExchangeCalendars"/>.
/// </summary>
public interface IExchangeCalendar
{
    /// <summary>Short code: XNYS, XLON, XETR, CRYPTO, FX, FRED-D, FRED, WEEKDAYS.</summary>
    string Code { get; }

    /// <summary>The market's own time zone, in which its sessions and holidays are defined.</summary>
    TimeZoneInfo TimeZone { get; }

    /// <summary>Whether the market trades on <paramref name="date"/> (its own trading date).</summary>
    bool IsSession(DateOnly date);

    /// <summary>The session of <paramref name="date"/>, or null on a weekend or holiday.</summary>
    Session? SessionOn(DateOnly date);

    /// <summary>Sessions with dates from <paramref name="from"/> to <paramref name="to"/>, both inclusive, oldest first.</summary>
    IEnumerable<Session> Sessions(DateOnly from, DateOnly to);

    /// <summary>
    /// Start times (UTC) of the bars a complete series of <paramref name="interval"/> holds in [<paramref name="from"/>,
    /// <paramref name="to"/>): intraday bars from each session's open until its close, daily bars at 00:00 UTC of each
    /// session's date, weekly bars on the Monday and monthly bars on the 1st of each period that has a session.
    /// </summary>
    IEnumerable<DateTime> ExpectedBars(string interval, DateTime from, DateTime to);
}

/// <summary>One trading session: its date, open and close in UTC, and whether the close is early.</summary>
public readonly record struct Session(DateOnly Date, DateTime Open, DateTime Close, bool EarlyClose);

/// <summary>A day the market does not trade, or closes early, with its name as published.</summary>
public readonly record struct CalendarDay(DateOnly Date, CalendarDayKind Kind, string Name);

public enum CalendarDayKind
{
    Holiday,
    EarlyClose,
}
