using System.Runtime.CompilerServices;
using InvestmentPlatform.Calendars;

namespace InvestmentPlatform.Calendars.Tests;

public sealed class When_reading_the_shipped_holiday_files
{
    public static TheoryData<string> Codes => [ExchangeCalendars.Nyse, ExchangeCalendars.London, ExchangeCalendars.Xetra, ExchangeCalendars.FredDaily];

    /// <summary>
    /// The files are the calendars' facts; the rules regenerate them. With IP_WRITE_HOLIDAYS=1 this spec rewrites the
    /// files from the rules (then review the diff) instead of comparing.
    /// </summary>
    [Theory]
    [MemberData(nameof(Codes))]
    public void Should_hold_exactly_what_the_published_rules_give_for_2000_to_2030(string code)
    {
        var expected = HolidayFile.Format(HolidayRules.Calendars[code].Header, HolidayRules.All(code));
        var path = Path.Combine(SourceRoot(), "src", "InvestmentPlatform.Calendars", "Holidays", code + ".csv");
        if (Environment.GetEnvironmentVariable("IP_WRITE_HOLIDAYS") == "1")
            File.WriteAllText(path, expected);
        Assert.Equal(expected, File.ReadAllText(path));
        Assert.Equal(HolidayRules.All(code).ToList(), HolidayFile.Load(code));
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Should_name_their_source_and_list_no_day_twice(string code)
    {
        var text = File.ReadAllText(Path.Combine(SourceRoot(), "src", "InvestmentPlatform.Calendars", "Holidays", code + ".csv"));
        Assert.Contains("# Source: ", text);
        var days = HolidayFile.Load(code);
        Assert.Equal(days.Count, days.Select(d => d.Date).Distinct().Count());
        Assert.All(days, d => Assert.InRange(d.Date.Year, 2000, 2030));
        Assert.All(days, d => Assert.NotEqual(DayOfWeek.Saturday, d.Date.DayOfWeek));
        Assert.All(days, d => Assert.NotEqual(DayOfWeek.Sunday, d.Date.DayOfWeek));
    }

    [Fact]
    public void Should_compute_easter_on_known_dates()
    {
        Assert.Equal(new DateOnly(2000, 4, 23), HolidayRules.Easter(2000));
        Assert.Equal(new DateOnly(2008, 3, 23), HolidayRules.Easter(2008));
        Assert.Equal(new DateOnly(2019, 4, 21), HolidayRules.Easter(2019));
        Assert.Equal(new DateOnly(2024, 3, 31), HolidayRules.Easter(2024));
        Assert.Equal(new DateOnly(2030, 4, 21), HolidayRules.Easter(2030));
    }

    [Fact]
    public void Should_refuse_a_line_without_three_fields_or_with_an_unknown_kind()
    {
        Assert.Throws<FormatException>(() => HolidayFile.Parse("date,kind,name\n2024-01-01,holiday\n"));
        Assert.Throws<FormatException>(() => HolidayFile.Parse("2024-01-01,closed,New Year\n"));
    }

    private static string SourceRoot([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", ".."));
}
