using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Data.Series;
using Microsoft.Extensions.Time.Testing;

namespace InvestmentPlatform.Ingestion.Tests;

/// <summary>What the loader keeps of its committed ranges for the checks that follow, and when it lets them go.</summary>
public sealed class When_loads_keep_their_ranges
{
    private static readonly DateTime Start = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 5, 12, 0, 0, TimeSpan.Zero));

    private static DateTime Day(int d) => Start.AddDays(d);

    private static List<SeriesRow> Rows(int from, int to, double close = 1) =>
        [.. Enumerable.Range(from, to - from + 1).Select(d => new SeriesRow(Day(d), close, close, close, close))];

    private static void Load(LoadedRanges loaded, int from, int to, bool known = true, long asset = 1) =>
        loaded.Complete(loaded.Begin(), asset, "1d", Day(from), Day(to), known ? Rows(from, to) : null);

    private static List<(DateTime From, DateTime To)> Kept(LoadedRanges loaded, int from = 0, int to = 1_000, long asset = 1) =>
        [.. loaded.Kept(asset, "1d", Day(from), Day(to)).Select(r => (r.From, r.To))];

    [Fact]
    public void Should_keep_loads_of_separate_ranges_in_time_order()
    {
        var loaded = new LoadedRanges(_clock);
        Load(loaded, 20, 29);
        Load(loaded, 0, 9);
        Load(loaded, 10, 19, asset: 2);

        Assert.Equal([(Day(0), Day(9)), (Day(20), Day(29))], Kept(loaded));
        Assert.Equal([(Day(20), Day(29))], Kept(loaded, 15, 20));
        Assert.Empty(Kept(loaded, 10, 19));
        Assert.Equal(30, loaded.Rows);
    }

    [Fact]
    public void Should_let_a_later_load_of_the_same_range_replace_the_earlier_one()
    {
        var loaded = new LoadedRanges(_clock);
        Load(loaded, 0, 9);
        Load(loaded, 5, 14);

        Assert.Equal([(Day(5), Day(14))], Kept(loaded));
    }

    [Fact]
    public void Should_keep_neither_of_two_loads_that_met_while_both_ran()
    {
        var loaded = new LoadedRanges(_clock);
        var first = loaded.Begin();
        var second = loaded.Begin();
        loaded.Complete(second, 1, "1d", Day(5), Day(14), Rows(5, 14));
        loaded.Complete(first, 1, "1d", Day(0), Day(9), Rows(0, 9));
        // Side by side, but on ranges that do not meet: both stand.
        var third = loaded.Begin();
        var fourth = loaded.Begin();
        loaded.Complete(fourth, 1, "1d", Day(40), Day(49), Rows(40, 49));
        loaded.Complete(third, 1, "1d", Day(30), Day(39), Rows(30, 39));

        Assert.Equal([(Day(30), Day(39)), (Day(40), Day(49))], Kept(loaded));
    }

    [Fact]
    public void Should_drop_a_kept_range_that_a_load_with_unknown_rows_met()
    {
        var loaded = new LoadedRanges(_clock);
        Load(loaded, 0, 9);
        Load(loaded, 20, 29);
        Load(loaded, 8, 12, known: false);

        Assert.Equal([(Day(20), Day(29))], Kept(loaded));
        Assert.Equal(10, loaded.Rows);
    }

    [Fact]
    public void Should_let_go_of_released_ranges_the_oldest_rows_over_the_bound_and_everything_after_its_age()
    {
        var loaded = new LoadedRanges(_clock);
        Load(loaded, 0, 9);
        Load(loaded, 20, 29);
        loaded.Release(loaded.Kept(1, "1d", Day(0), Day(9)));
        Assert.Equal([(Day(20), Day(29))], Kept(loaded));

        // One row over the bound in all: the oldest load's rows go, and only they.
        const int half = LoadedRanges.MaxRows / 2;
        loaded.Complete(loaded.Begin(), 3, "1m", Start, Start.AddMinutes(half - 1), Minutes(0, half));
        loaded.Complete(loaded.Begin(), 3, "1m", Start.AddMinutes(half), Start.AddMinutes(2 * half - 10), Minutes(half, half - 9));
        Assert.Equal(LoadedRanges.MaxRows - 9, loaded.Rows);
        Assert.Empty(Kept(loaded));
        Assert.Equal(2, loaded.Kept(3, "1m", Start, Start.AddYears(10)).Count);

        _clock.Advance(LoadedRanges.MaxAge + TimeSpan.FromSeconds(1));
        Assert.Empty(loaded.Kept(3, "1m", Start, Start.AddYears(10)));
        Assert.Equal(0, loaded.Rows);
    }

    [Fact]
    public void Should_not_keep_a_load_that_began_before_what_it_can_no_longer_compare_with()
    {
        var loaded = new LoadedRanges(_clock);
        var slow = loaded.Begin();
        Load(loaded, 50, 59);
        _clock.Advance(LoadedRanges.MaxAge + TimeSpan.FromSeconds(1));
        Load(loaded, 70, 79);
        loaded.Complete(slow, 1, "1d", Day(0), Day(9), Rows(0, 9));

        Assert.Equal([(Day(70), Day(79))], Kept(loaded));
    }

    private static List<SeriesRow> Minutes(int first, int count) =>
        [.. Enumerable.Range(first, count).Select(i => new SeriesRow(Start.AddMinutes(i), 1, 1, 1, 1))];
}
