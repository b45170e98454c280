using InvestmentPlatform.Calendars;

namespace InvestmentPlatform.Calendars.Tests;

/// <summary>
/// The published holiday rules of each exchange, and the special closures each announced, from which the shipped
/// files in src/InvestmentPlatform.Calendars/Holidays were generated (and against which they are checked).
/// </summary>
public static class HolidayRules
{
    public const int FirstYear = 2000;
    public const int LastYear = 2030;

    public static readonly IReadOnlyDictionary<string, (string[] Header, Func<int, IEnumerable<CalendarDay>> Year)> Calendars =
        new Dictionary<string, (string[], Func<int, IEnumerable<CalendarDay>>)>
        {
            [ExchangeCalendars.Nyse] = ([
                "XNYS: New York Stock Exchange; NASDAQ keeps the same holidays and early closes. Sessions 09:30-16:00 America/New_York, early closes at 13:00.",
                "Source: NYSE Rule 7.2 (Holidays): New Year's Day, Martin Luther King Jr. Day, Washington's Birthday, Good Friday, Memorial Day,",
                "Juneteenth (from 2022), Independence Day, Labor Day, Thanksgiving Day, Christmas Day; a holiday on a Saturday closes the Friday",
                "before, except at the end of a monthly or yearly accounting period (New Year's Day), one on a Sunday closes the Monday after.",
                "Early closes (13:00) as the NYSE announces them: July 3 on a Monday, Tuesday or Thursday; the Wednesday July 3 from 2013;",
                "the Friday July 5 before 2013; the day after Thanksgiving; Christmas Eve Monday to Thursday; 2003-12-26.",
                "Special closures announced by the NYSE: 2001-09-11..14 (September 11 attacks), 2004-06-11 (President Reagan), 2007-01-02",
                "(President Ford), 2012-10-29..30 (Hurricane Sandy), 2018-12-05 (President G. H. W. Bush), 2025-01-09 (President Carter).",
                "Computed from those rules for 2000-2030 by tests/InvestmentPlatform.Calendars.Tests/HolidayRules.cs; future closures are added by hand.",
            ], Nyse),
            [ExchangeCalendars.London] = ([
                "XLON: London Stock Exchange. Sessions 08:00-16:30 Europe/London, early closes at 12:30.",
                "Source: the LSE's trading calendar, which follows the bank holidays of England and Wales (Banking and Financial Dealings Act 1971",
                "and the royal proclamations that move or add days): New Year's Day (a weekend moves it to Monday), Good Friday, Easter Monday,",
                "early May bank holiday (first Monday; 2020-05-08 for VE Day), spring bank holiday (last Monday of May; 2002-06-04, 2012-06-04,",
                "2022-06-02 for the Golden, Diamond and Platinum Jubilees, which added 2002-06-03, 2012-06-05, 2022-06-03), summer bank holiday",
                "(last Monday of August), Christmas Day and Boxing Day (a weekend moves them to the next weekdays). Special: 2011-04-29 royal",
                "wedding, 2022-09-19 state funeral of Queen Elizabeth II, 2023-05-08 coronation of King Charles III.",
                "Early closes (12:30): Christmas Eve and New Year's Eve, or the Friday before when they fall on a weekend.",
                "Computed from those rules for 2000-2030 by tests/InvestmentPlatform.Calendars.Tests/HolidayRules.cs; future proclamations are added by hand.",
            ], London),
            [ExchangeCalendars.Xetra] = ([
                "XETR: Xetra (Deutsche Boerse, Frankfurt). Sessions 09:00-17:30 Europe/Berlin, early closes at 14:00.",
                "Source: Deutsche Boerse's published Xetra trading calendars: closed on New Year's Day, Good Friday, Easter Monday, Labour Day",
                "(May 1), Christmas Eve, Christmas Day, Boxing Day and New Year's Eve when they fall on weekdays (no substitute days); Whit Monday",
                "in 2007 and 2015-2021; Day of German Unity (October 3) 2014-2021; Reformation Day 2017-10-31 (its 500th anniversary).",
                "Early close (14:00): the last weekday before December 31, from 2010 (announced each December).",
                "Computed from those rules for 2000-2030 by tests/InvestmentPlatform.Calendars.Tests/HolidayRules.cs; Deutsche Boerse decides",
                "Whit Monday and October 3 year by year, so years after 2026 follow the recent practice and may need a correction.",
            ], Xetra),
            [ExchangeCalendars.FredDaily] = ([
                "FRED-D: daily FRED series (business-day frequency), which have no observation on US Federal Reserve holidays.",
                "Source: the Federal Reserve's holiday schedule (Federal Reserve Banks' holidays, 5 U.S.C. 6103): New Year's Day, Martin Luther",
                "King Jr. Day, Washington's Birthday, Memorial Day, Juneteenth (from 2022), Independence Day, Labor Day, Columbus Day,",
                "Veterans Day, Thanksgiving Day, Christmas Day; one on a Sunday is observed on the Monday, one on a Saturday is not observed",
                "(the Reserve Banks are open the Friday before).",
                "Computed from those rules for 2000-2030 by tests/InvestmentPlatform.Calendars.Tests/HolidayRules.cs.",
            ], FredDaily),
        };

    public static IEnumerable<CalendarDay> All(string code) =>
        Enumerable.Range(FirstYear, LastYear - FirstYear + 1).SelectMany(Calendars[code].Year).OrderBy(d => d.Date);

    private static IEnumerable<CalendarDay> Nyse(int y)
    {
        var newYear = D(y, 1, 1);
        if (newYear.DayOfWeek == DayOfWeek.Sunday) yield return H(newYear.AddDays(1), "New Year's Day (observed)");
        else if (newYear.DayOfWeek != DayOfWeek.Saturday) yield return H(newYear, "New Year's Day");
        yield return H(Nth(y, 1, DayOfWeek.Monday, 3), "Martin Luther King Jr. Day");
        yield return H(Nth(y, 2, DayOfWeek.Monday, 3), "Washington's Birthday");
        yield return H(Easter(y).AddDays(-2), "Good Friday");
        yield return H(Last(y, 5, DayOfWeek.Monday), "Memorial Day");
        if (y >= 2022) yield return Nearest(D(y, 6, 19), "Juneteenth");
        yield return Nearest(D(y, 7, 4), "Independence Day");
        yield return H(Nth(y, 9, DayOfWeek.Monday, 1), "Labor Day");
        var thanksgiving = Nth(y, 11, DayOfWeek.Thursday, 4);
        yield return H(thanksgiving, "Thanksgiving Day");
        yield return Nearest(D(y, 12, 25), "Christmas Day");

        var july3 = D(y, 7, 3);
        if (july3.DayOfWeek is DayOfWeek.Monday or DayOfWeek.Tuesday or DayOfWeek.Thursday
            || (july3.DayOfWeek == DayOfWeek.Wednesday && y >= 2013))
            yield return E(july3, "Day before Independence Day");
        if (D(y, 7, 5).DayOfWeek == DayOfWeek.Friday && y < 2013)
            yield return E(D(y, 7, 5), "Day after Independence Day");
        yield return E(thanksgiving.AddDays(1), "Day after Thanksgiving");
        var christmasEve = D(y, 12, 24);
        if (christmasEve.DayOfWeek is >= DayOfWeek.Monday and <= DayOfWeek.Thursday)
            yield return E(christmasEve, "Christmas Eve");

        foreach (var special in NyseSpecial.Where(s => s.Date.Year == y))
            yield return special;
    }

    private static readonly CalendarDay[] NyseSpecial =
    [
        H(D(2001, 9, 11), "September 11 attacks"), H(D(2001, 9, 12), "September 11 attacks"),
        H(D(2001, 9, 13), "September 11 attacks"), H(D(2001, 9, 14), "September 11 attacks"),
        E(D(2003, 12, 26), "Day after Christmas"),
        H(D(2004, 6, 11), "National day of mourning for President Ronald Reagan"),
        H(D(2007, 1, 2), "National day of mourning for President Gerald Ford"),
        H(D(2012, 10, 29), "Hurricane Sandy"), H(D(2012, 10, 30), "Hurricane Sandy"),
        H(D(2018, 12, 5), "National day of mourning for President George H. W. Bush"),
        H(D(2025, 1, 9), "National day of mourning for President Jimmy Carter"),
    ];

    private static IEnumerable<CalendarDay> London(int y)
    {
        yield return H(WeekendToMonday(D(y, 1, 1)), "New Year's Day");
        var easter = Easter(y);
        yield return H(easter.AddDays(-2), "Good Friday");
        yield return H(easter.AddDays(1), "Easter Monday");
        yield return y == 2020 ? H(D(2020, 5, 8), "Early May bank holiday (VE Day)") : H(Nth(y, 5, DayOfWeek.Monday, 1), "Early May bank holiday");
        switch (y)
        {
            case 2002: yield return H(D(2002, 6, 3), "Golden Jubilee"); yield return H(D(2002, 6, 4), "Spring bank holiday"); break;
            case 2012: yield return H(D(2012, 6, 4), "Spring bank holiday"); yield return H(D(2012, 6, 5), "Diamond Jubilee"); break;
            case 2022: yield return H(D(2022, 6, 2), "Spring bank holiday"); yield return H(D(2022, 6, 3), "Platinum Jubilee"); break;
            default: yield return H(Last(y, 5, DayOfWeek.Monday), "Spring bank holiday"); break;
        }
        yield return H(Last(y, 8, DayOfWeek.Monday), "Summer bank holiday");
        var christmas = D(y, 12, 25);
        switch (christmas.DayOfWeek)
        {
            case DayOfWeek.Saturday: yield return H(D(y, 12, 27), "Christmas Day (substitute)"); yield return H(D(y, 12, 28), "Boxing Day (substitute)"); break;
            case DayOfWeek.Sunday: yield return H(D(y, 12, 26), "Boxing Day"); yield return H(D(y, 12, 27), "Christmas Day (substitute)"); break;
            case DayOfWeek.Friday: yield return H(christmas, "Christmas Day"); yield return H(D(y, 12, 28), "Boxing Day (substitute)"); break;
            default: yield return H(christmas, "Christmas Day"); yield return H(D(y, 12, 26), "Boxing Day"); break;
        }
        yield return E(WeekendToFriday(D(y, 12, 24)), "Christmas Eve");
        yield return E(WeekendToFriday(D(y, 12, 31)), "New Year's Eve");
        switch (y)
        {
            case 2011: yield return H(D(2011, 4, 29), "Wedding of Prince William and Catherine Middleton"); break;
            case 2022: yield return H(D(2022, 9, 19), "State funeral of Queen Elizabeth II"); break;
            case 2023: yield return H(D(2023, 5, 8), "Coronation of King Charles III"); break;
        }
    }

    private static IEnumerable<CalendarDay> Xetra(int y)
    {
        var easter = Easter(y);
        IEnumerable<CalendarDay> days =
        [
            H(D(y, 1, 1), "New Year's Day"), H(easter.AddDays(-2), "Good Friday"), H(easter.AddDays(1), "Easter Monday"),
            H(D(y, 5, 1), "Labour Day"), H(D(y, 12, 24), "Christmas Eve"), H(D(y, 12, 25), "Christmas Day"),
            H(D(y, 12, 26), "Boxing Day"), H(D(y, 12, 31), "New Year's Eve"),
        ];
        if (y == 2007 || y is >= 2015 and <= 2021) days = days.Append(H(easter.AddDays(50), "Whit Monday"));
        if (y is >= 2014 and <= 2021) days = days.Append(H(D(y, 10, 3), "Day of German Unity"));
        if (y == 2017) days = days.Append(H(D(2017, 10, 31), "Reformation Day (500th anniversary)"));
        if (y >= 2010) days = days.Append(E(WeekendToFriday(D(y, 12, 30)), "Last trading day of the year"));
        return days.Where(d => d.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));
    }

    private static IEnumerable<CalendarDay> FredDaily(int y)
    {
        IEnumerable<CalendarDay> days =
        [
            H(D(y, 1, 1), "New Year's Day"), H(Nth(y, 1, DayOfWeek.Monday, 3), "Martin Luther King Jr. Day"),
            H(Nth(y, 2, DayOfWeek.Monday, 3), "Washington's Birthday"), H(Last(y, 5, DayOfWeek.Monday), "Memorial Day"),
            H(D(y, 7, 4), "Independence Day"), H(Nth(y, 9, DayOfWeek.Monday, 1), "Labor Day"),
            H(Nth(y, 10, DayOfWeek.Monday, 2), "Columbus Day"), H(D(y, 11, 11), "Veterans Day"),
            H(Nth(y, 11, DayOfWeek.Thursday, 4), "Thanksgiving Day"), H(D(y, 12, 25), "Christmas Day"),
        ];
        if (y >= 2022) days = days.Append(H(D(y, 6, 19), "Juneteenth"));
        return days.Where(d => d.Date.DayOfWeek != DayOfWeek.Saturday)
            .Select(d => d.Date.DayOfWeek == DayOfWeek.Sunday ? H(d.Date.AddDays(1), d.Name + " (observed)") : d);
    }

    /// <summary>Easter Sunday of the Gregorian calendar (the anonymous algorithm of Meeus, Jones and Butcher).</summary>
    public static DateOnly Easter(int y)
    {
        int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451, month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
        return D(y, month, day);
    }

    private static DateOnly D(int y, int m, int d) => new(y, m, d);
    private static CalendarDay H(DateOnly d, string name) => new(d, CalendarDayKind.Holiday, name);
    private static CalendarDay E(DateOnly d, string name) => new(d, CalendarDayKind.EarlyClose, name);

    private static DateOnly Nth(int y, int month, DayOfWeek dow, int n)
    {
        var first = D(y, month, 1);
        return first.AddDays(((int)dow - (int)first.DayOfWeek + 7) % 7 + 7 * (n - 1));
    }

    private static DateOnly Last(int y, int month, DayOfWeek dow)
    {
        var last = D(y, month, DateTime.DaysInMonth(y, month));
        return last.AddDays(-(((int)last.DayOfWeek - (int)dow + 7) % 7));
    }

    private static CalendarDay Nearest(DateOnly d, string name) => d.DayOfWeek switch
    {
        DayOfWeek.Saturday => H(d.AddDays(-1), name + " (observed)"),
        DayOfWeek.Sunday => H(d.AddDays(1), name + " (observed)"),
        _ => H(d, name),
    };

    private static DateOnly WeekendToMonday(DateOnly d) => d.DayOfWeek switch
    {
        DayOfWeek.Saturday => d.AddDays(2),
        DayOfWeek.Sunday => d.AddDays(1),
        _ => d,
    };

    private static DateOnly WeekendToFriday(DateOnly d) => d.DayOfWeek switch
    {
        DayOfWeek.Saturday => d.AddDays(-1),
        DayOfWeek.Sunday => d.AddDays(-2),
        _ => d,
    };
}
