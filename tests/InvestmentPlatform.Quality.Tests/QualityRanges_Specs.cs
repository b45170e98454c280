using InvestmentPlatform.Quality.Running;

namespace InvestmentPlatform.Quality.Tests;

/// <summary>The ranges of one series' parts, as a batch brings them, joined into the ranges one check each covers.</summary>
public sealed class When_joining_the_changed_ranges_of_a_batch
{
    private static DateTime T(int day, int hour = 0) => new(2024, 3, day, hour, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Should_join_overlapping_and_adjacent_parts_in_any_order()
    {
        var joined = QualityRanges.Join([(T(3), T(4)), (T(1), T(2)), (T(2), T(3, 12))], "1h", lookbackBars: 60);

        Assert.Equal([(T(1), T(4))], joined);
    }

    [Fact]
    public void Should_join_parts_nearer_than_the_look_back_and_keep_farther_ones_apart()
    {
        // 60 hourly bars of look-back: 2.5 days.
        var joined = QualityRanges.Join([(T(1), T(2)), (T(4), T(5)), (T(20), T(21))], "1h", lookbackBars: 60);

        Assert.Equal([(T(1), T(5)), (T(20), T(21))], joined);
    }

    [Fact]
    public void Should_keep_the_later_end_when_a_part_lies_inside_another()
    {
        var joined = QualityRanges.Join([(T(1), T(10)), (T(2), T(3))], "1d", lookbackBars: 0);

        Assert.Equal([(T(1), T(10))], joined);
    }

    [Fact]
    public void Should_cut_a_long_range_into_slices_that_meet_and_leave_short_ones_whole()
    {
        var slices = QualityRanges.Slice([(T(1), T(1, 5)), (T(10), T(10, 10))], "1h", maxBars: 4);

        Assert.Equal([(T(1), T(1, 4)), (T(1, 4), T(1, 5)), (T(10), T(10, 4)), (T(10, 4), T(10, 8)), (T(10, 8), T(10, 10))], slices);
    }
}
