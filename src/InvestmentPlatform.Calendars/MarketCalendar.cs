using InvestmentPlatform.Contracts.Ingestion;

namespace InvestmentPlatform.Calendars;

/// <summary>
/// A market whose session on each trading date runs from a local open to a local close (the close may fall on the
/// next local day, for FX), on the weekdays it trades, minus holidays, with early closes. Every calendar is one of
/// these; they differ only in their parameters.
/// </summary>
public sealed class MarketCalendar : IExchangeCalendar
{
    private readonly IReadOnlyDictionary<DateOnly, CalendarDay> _days;
    private readonly Func<DateOnly, bool> _tradesOnWeekday;

    public MarketCalendar(
        string code, TimeZoneInfo zone, TimeSpan open, TimeSpan close, TimeSpan? earlyClose,
        Func<DateOnly, bool> tradesOnWeekday, IEnumerable<CalendarDay> days, DateOnly? coveredFrom = null, DateOnly? coveredTo = null)
    {
        Code = code;
        TimeZone = zone;
        Open = open;
        Close = close;
        EarlyCloseTime = earlyClose;
        _tradesOnWeekday = tradesOnWeekday;
        _days = days.ToDictionary(d => d.Date);
        CoveredFrom = coveredFrom;
        CoveredTo = coveredTo;
    }

    public string Code { get; }
    public TimeZoneInfo TimeZone { get; }

    /// <summary>Local open; negative when the session opens on the day before its trading date (FX).</summary>
    public TimeSpan Open { get; }

    /// <summary>Local close, measured from midnight of the trading date.</summary>
    public TimeSpan Close { get; }

    public TimeSpan? EarlyCloseTime { get; }

    /// <summary>First and last year the holiday file covers; outside it only weekends are known.</summary>
    public DateOnly? CoveredFrom { get; }
    public DateOnly? CoveredTo { get; }

    /// <summary>The holidays and early closes known to this calendar.</summary>
    public IEnumerable<CalendarDay> Days => _days.Values.OrderBy(d => d.Date);

    public bool IsSession(DateOnly date) =>
        _tradesOnWeekday(date) && !(_days.TryGetValue(date, out var day) && day.Kind == CalendarDayKind.Holiday);

    public Session? SessionOn(DateOnly date)
    {
        if (!IsSession(date))
            return null;
        var early = EarlyCloseTime is not null && _days.TryGetValue(date, out var day) && day.Kind == CalendarDayKind.EarlyClose;
        var midnight = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new Session(date, ToUtc(midnight + Open), ToUtc(midnight + (early ? EarlyCloseTime!.Value : Close)), early);
    }

    public IEnumerable<Session> Sessions(DateOnly from, DateOnly to)
    {
        for (var d = from; d <= to; d = d.AddDays(1))
            if (SessionOn(d) is { } s)
                yield return s;
    }

    public IEnumerable<DateTime> ExpectedBars(string interval, DateTime from, DateTime to)
    {
        if (from >= to)
            yield break;
        var length = BarIntervals.Length(interval);
        // A session's date can differ from its UTC date by a day either way (FX opens the evening before).
        var first = DateOnly.FromDateTime(from).AddDays(-2);
        var last = DateOnly.FromDateTime(to).AddDays(1);
        switch (interval)
        {
            case "1d":
                foreach (var s in Sessions(first, last))
                {
                    var t = Midnight(s.Date);
                    if (t >= from && t < to) yield return t;
                }
                break;
            case "1wk":
            case "1mo":
                DateTime? previous = null;
                foreach (var s in Sessions(first.AddDays(-31), last))
                {
                    var t = interval == "1wk" ? Monday(s.Date) : Midnight(new DateOnly(s.Date.Year, s.Date.Month, 1));
                    if (t == previous) continue;
                    previous = t;
                    if (t >= from && t < to) yield return t;
                }
                break;
            default:
                foreach (var s in Sessions(first, last))
                    for (var t = s.Open; t < s.Close; t += length)
                        if (t >= from && t < to) yield return t;
                break;
        }
    }

    private DateTime ToUtc(DateTime local) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), TimeZone);

    private static DateTime Midnight(DateOnly d) => d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    private static DateTime Monday(DateOnly d) => Midnight(d.AddDays(-(((int)d.DayOfWeek + 6) % 7)));
}
