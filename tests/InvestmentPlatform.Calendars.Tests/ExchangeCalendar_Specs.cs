using InvestmentPlatform.Calendars;

namespace InvestmentPlatform.Calendars.Tests;

public sealed class When_asking_the_NYSE_calendar
{
    private static readonly IExchangeCalendar Nyse = ExchangeCalendars.For("XNYS");
    private static DateOnly D(int y, int m, int d) => new(y, m, d);
    private static DateTime U(int y, int m, int d, int h = 0, int min = 0) => new(y, m, d, h, min, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(2024, 3, 29)] // Good Friday
    [InlineData(2000, 4, 21)] // Good Friday
    [InlineData(2023, 11, 23)] // Thanksgiving
    [InlineData(2012, 10, 29)] // Hurricane Sandy
    [InlineData(2012, 10, 30)]
    [InlineData(2018, 12, 5)] // President G. H. W. Bush
    [InlineData(2001, 9, 11)]
    [InlineData(2001, 9, 14)]
    [InlineData(2025, 1, 9)] // President Carter
    [InlineData(2022, 6, 20)] // Juneteenth on a Sunday, observed Monday
    [InlineData(2021, 12, 24)] // Christmas on a Saturday closes the Friday before
    [InlineData(2023, 1, 2)] // New Year's Day on a Sunday, observed Monday
    [InlineData(2024, 1, 15)] // Martin Luther King Jr. Day
    [InlineData(2026, 7, 3)] // Independence Day on a Saturday, observed Friday
    [InlineData(2024, 3, 30)] // a Saturday
    public void Should_not_trade_on_holidays_closures_and_weekends(int y, int m, int d) =>
        Assert.False(Nyse.IsSession(D(y, m, d)));

    [Theory]
    [InlineData(2021, 12, 31)] // New Year's Day on a Saturday does not close the last day of the year
    [InlineData(2022, 12, 30)]
    [InlineData(2024, 3, 28)]
    [InlineData(2024, 4, 1)] // Easter Monday trades in New York
    [InlineData(2021, 6, 18)] // before Juneteenth was an NYSE holiday
    [InlineData(2024, 10, 14)] // Columbus Day trades
    [InlineData(2001, 9, 17)]
    public void Should_trade_on_ordinary_weekdays(int y, int m, int d) => Assert.True(Nyse.IsSession(D(y, m, d)));

    [Fact]
    public void Should_close_at_13_00_New_York_the_day_after_Thanksgiving()
    {
        var s = Nyse.SessionOn(D(2023, 11, 24))!.Value;
        Assert.True(s.EarlyClose);
        Assert.Equal(U(2023, 11, 24, 14, 30), s.Open);
        Assert.Equal(U(2023, 11, 24, 18), s.Close);
    }

    [Theory]
    [InlineData(2024, 7, 3)] // Wednesday before a Thursday Independence Day, since 2013
    [InlineData(2023, 7, 3)] // Monday
    [InlineData(2012, 7, 3)] // Tuesday
    [InlineData(2002, 7, 5)] // Friday after, before 2013
    [InlineData(2024, 12, 24)]
    [InlineData(2003, 12, 26)]
    public void Should_know_the_early_closes(int y, int m, int d) => Assert.True(Nyse.SessionOn(D(y, m, d))!.Value.EarlyClose);

    [Theory]
    [InlineData(2019, 7, 5)] // the Friday after is a full day since 2013
    [InlineData(2008, 12, 26)]
    [InlineData(2024, 12, 23)]
    public void Should_keep_full_days_full(int y, int m, int d) => Assert.False(Nyse.SessionOn(D(y, m, d))!.Value.EarlyClose);

    [Fact]
    public void Should_follow_daylight_saving_time_in_New_York()
    {
        Assert.Equal(U(2024, 1, 2, 14, 30), Nyse.SessionOn(D(2024, 1, 2))!.Value.Open);
        Assert.Equal(U(2024, 7, 1, 13, 30), Nyse.SessionOn(D(2024, 7, 1))!.Value.Open);
        Assert.Equal(U(2024, 7, 1, 20), Nyse.SessionOn(D(2024, 7, 1))!.Value.Close);
    }

    [Theory]
    [InlineData(2022, 251)]
    [InlineData(2023, 250)]
    [InlineData(2024, 252)]
    public void Should_count_the_trading_days_of_a_year(int year, int sessions) =>
        Assert.Equal(sessions, Nyse.Sessions(D(year, 1, 1), D(year, 12, 31)).Count());

    [Fact]
    public void Should_expect_one_daily_bar_per_session_at_midnight_UTC()
    {
        var bars = Nyse.ExpectedBars("1d", U(2024, 3, 25), U(2024, 4, 2)).ToList();
        Assert.Equal([U(2024, 3, 25), U(2024, 3, 26), U(2024, 3, 27), U(2024, 3, 28), U(2024, 4, 1)], bars);
    }

    [Fact]
    public void Should_expect_intraday_bars_from_the_open_until_the_close_early_or_not()
    {
        Assert.Equal(7, Nyse.ExpectedBars("1h", U(2024, 11, 26), U(2024, 11, 27)).Count());
        Assert.Equal(78, Nyse.ExpectedBars("5m", U(2024, 11, 26), U(2024, 11, 27)).Count());
        var blackFriday = Nyse.ExpectedBars("1h", U(2024, 11, 29), U(2024, 11, 30)).ToList();
        Assert.Equal([U(2024, 11, 29, 14, 30), U(2024, 11, 29, 15, 30), U(2024, 11, 29, 16, 30), U(2024, 11, 29, 17, 30)], blackFriday);
        Assert.Empty(Nyse.ExpectedBars("1h", U(2024, 11, 28), U(2024, 11, 29)));
    }

    [Fact]
    public void Should_expect_a_weekly_bar_for_a_week_with_any_session_and_a_monthly_bar_per_month()
    {
        Assert.Equal([U(2024, 3, 25), U(2024, 4, 1)], Nyse.ExpectedBars("1wk", U(2024, 3, 25), U(2024, 4, 8)).ToList());
        Assert.Equal(12, Nyse.ExpectedBars("1mo", U(2024, 1, 1), U(2025, 1, 1)).Count());
    }
}

public sealed class When_asking_the_London_and_Xetra_calendars
{
    private static readonly IExchangeCalendar Lse = ExchangeCalendars.For("XLON");
    private static readonly IExchangeCalendar Xetra = ExchangeCalendars.For("XETR");
    private static DateOnly D(int y, int m, int d) => new(y, m, d);
    private static DateTime U(int y, int m, int d, int h = 0, int min = 0) => new(y, m, d, h, min, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(2022, 6, 2)] // spring bank holiday moved for the Platinum Jubilee
    [InlineData(2022, 6, 3)] // Platinum Jubilee
    [InlineData(2012, 6, 5)] // Diamond Jubilee
    [InlineData(2002, 6, 3)] // Golden Jubilee
    [InlineData(2022, 9, 19)] // state funeral of Queen Elizabeth II
    [InlineData(2023, 5, 8)] // coronation
    [InlineData(2011, 4, 29)] // royal wedding
    [InlineData(2020, 5, 8)] // VE Day
    [InlineData(2024, 4, 1)] // Easter Monday
    [InlineData(2021, 12, 27)] // Christmas on a Saturday: substitute Monday
    [InlineData(2021, 12, 28)] // and Boxing Day's substitute Tuesday
    [InlineData(2022, 1, 3)] // New Year's Day on a Saturday moves to Monday
    public void Should_close_London_on_bank_holidays_and_royal_occasions(int y, int m, int d) => Assert.False(Lse.IsSession(D(y, m, d)));

    [Theory]
    [InlineData(2022, 5, 30)] // the usual spring bank holiday date traded in the Jubilee year
    [InlineData(2020, 5, 4)] // the usual early May date traded in 2020
    [InlineData(2024, 11, 28)] // Thanksgiving is no holiday in London
    public void Should_trade_in_London_on_days_that_moved_away(int y, int m, int d) => Assert.True(Lse.IsSession(D(y, m, d)));

    [Fact]
    public void Should_close_London_at_12_30_on_Christmas_Eve_in_its_own_time()
    {
        var eve = Lse.SessionOn(D(2024, 12, 24))!.Value;
        Assert.True(eve.EarlyClose);
        Assert.Equal(U(2024, 12, 24, 8), eve.Open);
        Assert.Equal(U(2024, 12, 24, 12, 30), eve.Close);
        Assert.Equal(U(2024, 7, 1, 7), Lse.SessionOn(D(2024, 7, 1))!.Value.Open); // 08:00 BST
        Assert.True(Lse.SessionOn(D(2021, 12, 24))!.Value.EarlyClose);
    }

    [Theory]
    [InlineData(2024, 12, 24)]
    [InlineData(2024, 12, 31)]
    [InlineData(2024, 5, 1)]
    [InlineData(2017, 10, 31)] // Reformation Day's 500th anniversary
    [InlineData(2019, 6, 10)] // Whit Monday, closed 2015-2021
    [InlineData(2019, 10, 3)] // Day of German Unity, closed 2014-2021
    [InlineData(2007, 5, 28)]
    public void Should_close_Xetra_on_its_holidays(int y, int m, int d) => Assert.False(Xetra.IsSession(D(y, m, d)));

    [Theory]
    [InlineData(2024, 5, 20)] // Whit Monday traded again from 2022
    [InlineData(2024, 10, 3)]
    [InlineData(2024, 12, 27)]
    [InlineData(2024, 5, 9)] // Ascension Day trades
    public void Should_trade_Xetra_on_German_days_it_does_not_close(int y, int m, int d) => Assert.True(Xetra.IsSession(D(y, m, d)));

    [Fact]
    public void Should_close_Xetra_at_14_00_Frankfurt_on_the_last_weekday_before_New_Years_Eve()
    {
        var s = Xetra.SessionOn(D(2024, 12, 30))!.Value;
        Assert.True(s.EarlyClose);
        Assert.Equal(U(2024, 12, 30, 8), s.Open); // 09:00 CET
        Assert.Equal(U(2024, 12, 30, 13), s.Close);
    }
}

public sealed class When_asking_the_round_the_clock_and_economic_calendars
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);
    private static DateTime U(int y, int m, int d, int h = 0) => new(y, m, d, h, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Should_expect_crypto_on_a_Sunday_and_every_hour_of_it()
    {
        var crypto = ExchangeCalendars.For("CRYPTO");
        Assert.True(crypto.IsSession(D(2024, 3, 31)));
        Assert.True(crypto.IsSession(D(2024, 12, 25)));
        Assert.Equal(24, crypto.ExpectedBars("1h", U(2024, 3, 31), U(2024, 4, 1)).Count());
        Assert.Equal(366, crypto.ExpectedBars("1d", U(2024, 1, 1), U(2025, 1, 1)).Count());
    }

    [Fact]
    public void Should_trade_FX_from_Sunday_17_00_to_Friday_17_00_New_York()
    {
        var fx = ExchangeCalendars.For("FX");
        var week = fx.ExpectedBars("1h", U(2024, 7, 7), U(2024, 7, 14)).ToList();
        Assert.Equal(120, week.Count);
        Assert.Equal(U(2024, 7, 7, 21), week[0]); // Sunday 17:00 EDT
        Assert.Equal(U(2024, 7, 12, 20), week[^1]); // the bar that ends Friday 17:00 EDT
        Assert.Equal(U(2024, 1, 7, 22), fx.ExpectedBars("1h", U(2024, 1, 7), U(2024, 1, 8)).First()); // 17:00 EST
        Assert.False(fx.IsSession(D(2024, 7, 13)));
        Assert.False(fx.IsSession(D(2024, 7, 14)));
        Assert.Equal(5, fx.ExpectedBars("1d", U(2024, 7, 7), U(2024, 7, 14)).Count());
    }

    [Fact]
    public void Should_expect_daily_FRED_values_on_Federal_Reserve_business_days_and_others_by_period()
    {
        var daily = ExchangeCalendars.ForAsset("economic_indicator", null, "DGS10", "1d");
        Assert.False(daily.IsSession(D(2024, 10, 14))); // Columbus Day
        Assert.False(daily.IsSession(D(2024, 11, 11))); // Veterans Day
        Assert.True(daily.IsSession(D(2024, 3, 29))); // Good Friday is no Federal Reserve holiday
        var monthly = ExchangeCalendars.ForAsset("economic_indicator", null, "CPIAUCSL", "1mo");
        Assert.Equal(12, monthly.ExpectedBars("1mo", U(2024, 1, 1), U(2025, 1, 1)).Count());
        Assert.Equal(52, monthly.ExpectedBars("1wk", U(2024, 1, 1), U(2024, 12, 30)).Count());
    }

    [Theory]
    [InlineData("stock", "NasdaqGS", "AAPL", "XNYS")]
    [InlineData("stock", "NYSE", "IBM", "XNYS")]
    [InlineData("stock", null, "MSFT", "XNYS")]
    [InlineData("stock", "LSE", "VOD.L", "XLON")]
    [InlineData("stock", null, "VOD.L", "XLON")]
    [InlineData("stock", "XETRA", "SAP.DE", "XETR")]
    [InlineData("stock", "Paris", "AIR.PA", "WEEKDAYS")]
    [InlineData("crypto", "CCC", "BTC-USD", "CRYPTO")]
    [InlineData("forex", "CCY", "EURUSD=X", "FX")]
    public void Should_pick_an_assets_calendar_from_its_type_exchange_and_symbol(string type, string? exchange, string symbol, string code) =>
        Assert.Equal(code, ExchangeCalendars.ForAsset(type, exchange, symbol).Code);
}
