using InvestmentPlatform.Calendars;
using InvestmentPlatform.Trading.Calendars;

namespace InvestmentPlatform.Trading.Tests;

public class When_a_market_is_asked_whether_it_trades
{
    private static DateTime Utc(int y, int m, int d, int h, int min = 0) => new(y, m, d, h, min, 0, DateTimeKind.Utc);

    [Fact]
    public void Should_open_new_york_from_half_past_nine_to_four_local_on_weekdays_but_not_on_holidays()
    {
        var us = ExchangeCalendars.ForAsset("stock", "NMS", "AAPL");
        // 2024-07-02 is a Tuesday in summer time (UTC−4): 13:30 to 20:00 UTC.
        Assert.False(us.IsOpen(Utc(2024, 7, 2, 13, 29)));
        Assert.True(us.IsOpen(Utc(2024, 7, 2, 13, 30)));
        Assert.True(us.IsOpen(Utc(2024, 7, 2, 19, 59)));
        Assert.False(us.IsOpen(Utc(2024, 7, 2, 20, 0)));
        // Independence Day, and a Saturday
        Assert.False(us.IsOpen(Utc(2024, 7, 4, 15)));
        Assert.False(us.IsOpen(Utc(2024, 7, 6, 15)));
        // in winter (UTC−5) the close is 21:00 UTC
        Assert.Equal(Utc(2024, 1, 10, 21), us.SessionEndFor(Utc(2024, 1, 10, 15)));
    }

    [Fact]
    public void Should_close_early_where_the_exchange_does()
    {
        var us = ExchangeCalendars.ForAsset("stock", null, "AAPL");
        // The day before Independence Day closes at 13:00 New York, 17:00 UTC: a day order placed that morning ends then.
        Assert.True(us.IsOpen(Utc(2024, 7, 3, 16, 59)));
        Assert.False(us.IsOpen(Utc(2024, 7, 3, 17, 0)));
        Assert.Equal(Utc(2024, 7, 3, 17), us.SessionEndFor(Utc(2024, 7, 3, 14)));
    }

    [Fact]
    public void Should_give_an_order_placed_after_the_close_the_next_session()
    {
        var us = ExchangeCalendars.ForAsset("stock", "NYSE", "IBM");
        // Friday 2024-07-05 after the close: the next session is Monday 2024-07-08, closing 20:00 UTC.
        Assert.Equal(Utc(2024, 7, 8, 20), us.SessionEndFor(Utc(2024, 7, 5, 22)));
        // the evening of the early close before Independence Day: the 4th is skipped.
        Assert.Equal(Utc(2024, 7, 5, 20), us.SessionEndFor(Utc(2024, 7, 3, 22)));
    }

    [Fact]
    public void Should_trade_crypto_around_the_clock_and_fx_from_sunday_evening_to_friday_evening_new_york()
    {
        Assert.True(ExchangeCalendars.ForAsset("crypto", null, "BTC-USD").IsOpen(Utc(2024, 7, 6, 3)));
        var fx = ExchangeCalendars.ForAsset("forex", null, "EURUSD=X");
        // Sunday 2024-07-07 17:00 New York is 21:00 UTC
        Assert.False(fx.IsOpen(Utc(2024, 7, 7, 20, 59)));
        Assert.True(fx.IsOpen(Utc(2024, 7, 7, 21)));
        Assert.True(fx.IsOpen(Utc(2024, 7, 10, 3)));
        // Friday 2024-07-12 17:00 New York
        Assert.True(fx.IsOpen(Utc(2024, 7, 12, 20, 59)));
        Assert.False(fx.IsOpen(Utc(2024, 7, 12, 21)));
        Assert.False(fx.IsOpen(Utc(2024, 7, 13, 12)));
    }

    [Fact]
    public void Should_keep_london_and_xetra_hours_by_exchange_or_by_the_symbols_suffix()
    {
        // 2024-01-10: London 08:00–16:30 GMT, Frankfurt 09:00–17:30 CET = 08:00–16:30 UTC
        Assert.True(ExchangeCalendars.ForAsset("stock", "LSE", "VOD").IsOpen(Utc(2024, 1, 10, 8)));
        Assert.False(ExchangeCalendars.ForAsset("stock", null, "VOD.L").IsOpen(Utc(2024, 1, 10, 16, 30)));
        Assert.True(ExchangeCalendars.ForAsset("stock", "XETRA", "SAP").IsOpen(Utc(2024, 1, 10, 16, 29)));
        Assert.False(ExchangeCalendars.ForAsset("stock", null, "SAP.DE").IsOpen(Utc(2024, 1, 10, 7, 59)));
        Assert.False(ExchangeCalendars.ForAsset("stock", "XETRA", "SAP").IsOpen(Utc(2024, 12, 24, 10)));
    }
}
