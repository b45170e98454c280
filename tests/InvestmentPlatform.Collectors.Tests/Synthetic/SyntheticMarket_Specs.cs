using InvestmentPlatform.Collectors.Core;
using InvestmentPlatform.Collectors.Sources.Synthetic;
using InvestmentPlatform.Collectors.Tests.Infrastructure;
using InvestmentPlatform.Contracts.Ingestion;
using static InvestmentPlatform.Collectors.Tests.Infrastructure.CollectorTestExtensions;

namespace InvestmentPlatform.Collectors.Tests.Synthetic;

public class When_a_synthetic_market_is_read_at_several_intervals
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private readonly SyntheticCollector _collector = new();

    private async Task<List<SeriesRow>> Rows(string symbol, string type, string interval, DateTime from, DateTime to) =>
        (await _collector.CollectAllAsync(new CollectorRequest(symbol, type, interval, from, to, null))).SelectMany(b => b.Rows).ToList();

    [Theory]
    [InlineData("AAPL", "stock")]
    [InlineData("BTC-USD", "crypto")]
    [InlineData("EURUSD=X", "forex")]
    public async Task Should_give_daily_bars_that_are_exactly_the_minute_bars_resampled(string symbol, string type)
    {
        var (from, to) = (Utc(2024, 3, 1), Utc(2024, 4, 1)); // spans the US change to summer time on 10 March
        var daily = await Rows(symbol, type, "1d", from, to);
        var minutes = await Rows(symbol, type, "1m", from, to);
        var fiveMinutes = await Rows(symbol, type, "5m", from, to);
        var hours = await Rows(symbol, type, "1h", from, to);

        Assert.NotEmpty(daily);
        Assert.Equal(daily, Resample(minutes, r => r.Time.Date));
        Assert.Equal(daily, Resample(fiveMinutes, r => r.Time.Date));
        Assert.Equal(daily, Resample(hours, r => r.Time.Date));
        Assert.Equal(hours, Resample(minutes, r => r.Time.Date.AddHours(r.Time.Hour)));
    }

    [Fact]
    public async Task Should_trade_stocks_only_in_their_sessions_and_fx_from_sunday_to_friday_evening()
    {
        var stock = await Rows("MSFT", "stock", "1m", Utc(2024, 3, 1), Utc(2024, 3, 20));
        var fx = await Rows("GBPUSD=X", "forex", "1h", Utc(2024, 3, 1), Utc(2024, 3, 20));

        Assert.All(stock, r =>
        {
            var local = TimeZoneInfo.ConvertTimeFromUtc(r.Time, NewYork);
            Assert.True(local.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday), $"{r.Time:o} is a weekend");
            Assert.InRange(local.TimeOfDay, new TimeSpan(9, 30, 0), new TimeSpan(15, 59, 0));
        });
        Assert.Equal(13 * 390, stock.Count); // 13 weekdays of 6.5 hours
        Assert.All(fx, r =>
        {
            var local = TimeZoneInfo.ConvertTimeFromUtc(r.Time, NewYork);
            Assert.False(local.DayOfWeek == DayOfWeek.Saturday, $"{r.Time:o} is a Saturday in New York");
            Assert.False(local.DayOfWeek == DayOfWeek.Friday && local.Hour >= 17, $"{r.Time:o} is after Friday's close");
            Assert.False(local.DayOfWeek == DayOfWeek.Sunday && local.Hour < 16, $"{r.Time:o} is before Sunday's open");
        });
        Assert.Contains(fx, r => TimeZoneInfo.ConvertTimeFromUtc(r.Time, NewYork).DayOfWeek == DayOfWeek.Sunday);
    }

    [Fact]
    public async Task Should_keep_stocks_closed_on_their_exchange_holidays_and_close_early_where_the_exchange_does()
    {
        // Thanksgiving week: closed on Thursday, closing at 13:00 on Friday.
        var aapl = await Rows("AAPL", "stock", "5m", Utc(2026, 11, 23), Utc(2026, 11, 30));
        var aaplDaily = await Rows("AAPL", "stock", "1d", Utc(2026, 11, 23), Utc(2026, 11, 30));
        // London at Christmas 2025: closed on Thursday the 25th and on Boxing Day.
        var vodafone = await Rows("VOD.L", "stock", "1d", Utc(2025, 12, 22), Utc(2026, 1, 1));

        var sessionsByDay = aapl.GroupBy(r => TimeZoneInfo.ConvertTimeFromUtc(r.Time, NewYork).Date)
            .ToDictionary(g => g.Key, g => g.Max(r => TimeZoneInfo.ConvertTimeFromUtc(r.Time, NewYork).TimeOfDay));
        Assert.Equal([23, 24, 25, 27], sessionsByDay.Keys.Select(d => d.Day).Order());
        Assert.Equal(new TimeSpan(15, 55, 0), sessionsByDay[new DateTime(2026, 11, 25)]);
        Assert.Equal(new TimeSpan(12, 55, 0), sessionsByDay[new DateTime(2026, 11, 27)]);
        Assert.Equal([23, 24, 25, 27], aaplDaily.Select(r => r.Time.Day));
        Assert.Equal([22, 23, 24, 29, 30, 31], vodafone.Select(r => r.Time.Day));
    }

    [Theory]
    [InlineData("AAPL", "stock", 60, 1500)]
    [InlineData("EURUSD=X", "forex", 0.7, 1.6)]
    [InlineData("BTC-USD", "crypto", 10_000, 1_000_000)]
    public async Task Should_keep_well_known_symbols_near_their_real_price_levels(string symbol, string type, double low, double high)
    {
        var rows = await Rows(symbol, type, "1d", Utc(2023, 1, 1), Utc(2026, 12, 1));

        Assert.All(rows, r => Assert.InRange(r.Close, low, high));
    }

    [Fact]
    public async Task Should_trade_most_at_the_open_and_the_close()
    {
        var minutes = await Rows("AAPL", "stock", "1m", Utc(2024, 3, 1), Utc(2024, 4, 1));

        var byMinuteOfSession = minutes
            .GroupBy(r => (int)(TimeZoneInfo.ConvertTimeFromUtc(r.Time, NewYork).TimeOfDay - new TimeSpan(9, 30, 0)).TotalMinutes)
            .ToDictionary(g => g.Key, g => g.Average(r => r.Volume!.Value));
        var firstHalfHour = Enumerable.Range(0, 30).Average(m => byMinuteOfSession[m]);
        var midday = Enumerable.Range(180, 30).Average(m => byMinuteOfSession[m]);
        var lastHalfHour = Enumerable.Range(360, 30).Average(m => byMinuteOfSession[m]);
        Assert.True(firstHalfHour > 1.5 * midday && lastHalfHour > 1.5 * midday, $"open {firstHalfHour:F0}, midday {midday:F0}, close {lastHalfHour:F0}");
    }

    [Fact]
    public async Task Should_have_no_minutes_after_now_and_end_in_a_partial_bar()
    {
        var now = DateTime.UtcNow;
        var recent = await Rows("BTC-USD", "crypto", "1m", now.AddHours(-2), now.AddDays(2));
        Assert.All(recent, r => Assert.True(r.Time < now, $"a bar at {r.Time:o} is after now, {now:o}"));

        var hour = Utc(2024, 5, 6, 13);
        var to = hour.AddMinutes(30).AddSeconds(30);
        var hours = await Rows("BTC-USD", "crypto", "1h", hour.AddHours(-3), to);
        var minutes = await Rows("BTC-USD", "crypto", "1m", hour, to);
        Assert.Equal(30, minutes.Count);
        Assert.Equal(Resample(minutes, r => r.Time.Date.AddHours(r.Time.Hour)).Single(), hours[^1]);
    }

    [Fact]
    public async Task Should_pay_quarterly_dividends_and_split_now_and_then_in_raw_prices()
    {
        var symbols = Enumerable.Range(0, 8).Select(i => $"SYN{i}").ToList();
        var rows = new Dictionary<string, List<SeriesRow>>();
        foreach (var symbol in symbols)
            rows[symbol] = await Rows(symbol, "stock", "1d", Utc(2006, 1, 1), Utc(2026, 1, 1));

        var dividends = rows.Values.SelectMany(r => r).Where(r => r.Dividends > 0).ToList();
        Assert.NotEmpty(dividends);
        Assert.All(dividends, r => Assert.True(r.Time.Month is 2 or 5 or 8 or 11 && r.Time.Day >= 10, $"a dividend on {r.Time:d}"));
        var splits = rows.SelectMany(kv => kv.Value.Select((r, i) => (Rows: kv.Value, Index: i, Row: r))).Where(x => x.Row.StockSplits > 0).ToList();
        Assert.NotEmpty(splits);
        Assert.All(splits, x =>
        {
            // The raw price falls by about the ratio overnight: the day's own move is small beside a 2:1 or larger split.
            var before = x.Rows[x.Index - 1].Close;
            Assert.InRange(before / x.Row.Open, x.Row.StockSplits * 0.8, x.Row.StockSplits * 1.25);
        });
        // A dividend is a few tenths of a percent of the price: 0.5 % to 3 % a year, paid quarterly.
        Assert.All(dividends, d =>
        {
            var day = rows.Values.Select(r => r.FindIndex(x => x == d)).First(i => i >= 0);
            var series = rows.Values.First(r => r.Contains(d));
            Assert.InRange(d.Dividends / series[day - 1].Close, 0.0010, 0.0080);
        });
    }

    [Fact]
    public async Task Should_put_an_action_on_the_first_minute_bar_of_its_ex_date_as_on_its_daily_bar()
    {
        var daily = await Rows("SYN3", "stock", "1d", Utc(2010, 1, 1), Utc(2026, 1, 1));
        var exDate = daily.First(r => r.Dividends > 0);
        var minutes = await Rows("SYN3", "stock", "1m", exDate.Time, exDate.Time.AddDays(1));

        Assert.Equal(exDate.Dividends, minutes[0].Dividends);
        Assert.All(minutes.Skip(1), m => Assert.Equal(0, m.Dividends));
        Assert.Equal(exDate, Resample(minutes, r => r.Time.Date).Single());
    }

    [Theory]
    [InlineData("BTC-USD", "crypto", 0.65)]
    [InlineData("AAPL", "stock", 0.3)]
    public async Task Should_cluster_volatility_into_calm_and_turbulent_spells(string symbol, string type, double annualVol)
    {
        var daily = await Rows(symbol, type, "1d", Utc(2019, 1, 1), Utc(2025, 1, 1));
        // Close to close per calendar day (a stock's Monday carries the weekend), splits left out.
        var moves = daily.Zip(daily.Skip(1)).Where(p => p.Second.StockSplits == 0)
            .Select(p => Math.Log(p.Second.Close / p.First.Close) / Math.Sqrt((p.Second.Time - p.First.Time).TotalDays)).ToList();
        var sizes = moves.Select(Math.Abs).ToList();

        // Under constant volatility the size of one day's move says nothing about the next day's (about 0 ± 0.03 here).
        Assert.InRange(Autocorrelation(sizes, 1), 0.08, 0.6);
        Assert.InRange(Autocorrelation(sizes, 10), 0.04, 0.6);
        // Quarter by quarter the realised volatility swings well apart, around the asset's usual level.
        var quarters = moves.Chunk(moves.Count / 24).Where(q => q.Length > 20).Select(q => StdDev(q) * Math.Sqrt(365.25)).ToList();
        Assert.True(quarters.Max() / quarters.Min() > 1.6, $"quarterly volatility ranges only {quarters.Min():F2}–{quarters.Max():F2}");
        Assert.InRange(StdDev(moves) * Math.Sqrt(365.25), annualVol * 0.7, annualVol * 1.4);
    }

    private static double StdDev(IReadOnlyList<double> x)
    {
        var mean = x.Average();
        return Math.Sqrt(x.Sum(v => (v - mean) * (v - mean)) / (x.Count - 1));
    }

    private static double Autocorrelation(IReadOnlyList<double> x, int lag)
    {
        var mean = x.Average();
        var variance = x.Sum(v => (v - mean) * (v - mean));
        return Enumerable.Range(0, x.Count - lag).Sum(i => (x[i] - mean) * (x[i + lag] - mean)) / variance;
    }

    /// <summary>OHLCV aggregation as the API resamples: first open, highest high, lowest low, last close, summed volume.</summary>
    private static List<SeriesRow> Resample(IEnumerable<SeriesRow> rows, Func<SeriesRow, DateTime> bucket) =>
        rows.GroupBy(bucket).OrderBy(g => g.Key).Select(g =>
        {
            var bars = g.OrderBy(r => r.Time).ToList();
            return new SeriesRow(g.Key, bars[0].Open, bars.Max(r => r.High), bars.Min(r => r.Low), bars[^1].Close, bars[^1].AdjClose,
                bars[0].Volume is null ? null : bars.Sum(r => r.Volume), bars.Sum(r => r.Dividends), bars.Max(r => r.StockSplits));
        }).ToList();
}
