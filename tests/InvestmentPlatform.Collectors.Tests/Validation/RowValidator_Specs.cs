using InvestmentPlatform.Collectors.Validation;
using InvestmentPlatform.Contracts.Ingestion;
using static InvestmentPlatform.Collectors.Tests.Infrastructure.CollectorTestExtensions;

namespace InvestmentPlatform.Collectors.Tests.Validation;

public class When_validating_rows
{
    private readonly RowValidator _validator = new(Utc(2024, 1, 1), Utc(2024, 2, 1));

    [Theory]
    [InlineData(10, 12, 9, 11, 5, null)]
    [InlineData(10, 12, 10.5, 11, 5, "low 10.5 is above")]
    [InlineData(10, 10.5, 9, 11, 5, "high 10.5 is below")]
    [InlineData(10, 12, 9, double.NaN, 5, "finite")]
    [InlineData(10, double.PositiveInfinity, 9, 11, 5, "finite")]
    [InlineData(10, 12, 9, 11, -1, "volume -1")]
    public void Should_check_prices_and_volume(double open, double high, double low, double close, double volume, string? reason)
    {
        var (valid, rejected) = _validator.Validate([new SeriesRow(Utc(2024, 1, 2), open, high, low, close, null, volume)]);

        if (reason is null)
            Assert.Single(valid);
        else
            Assert.Contains(reason, Assert.Single(rejected).Reason);
    }

    [Theory]
    [InlineData(102.1, 101.2, 100.4, 102.5, 5, "high 101.2 is below open 102.1")]
    [InlineData(100, 101.2, 99, 102.5, 5, "high 101.2 is below close 102.5")]
    [InlineData(10, 12, 10.5, 11, 5, "low 10.5 is above open 10")]
    [InlineData(11, 12, 10.5, 10, 5, "low 10.5 is above close 10")]
    [InlineData(9.2, 9, 9.5, 9.2, 5, "low 9.5 is above high 9")]
    [InlineData(10, 12, 9, double.NaN, 5, "close NaN is not a finite number")]
    [InlineData(10, double.PositiveInfinity, 9, 11, 5, "high Infinity is not a finite number")]
    [InlineData(10, 12, 9, 11, -3, "volume -3 is negative")]
    public void Should_name_the_rule_broken_and_the_values_that_break_it(double open, double high, double low, double close, double volume, string reason)
    {
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        // A decimal comma in the server's culture must not reach the reason: it is read next to the file's own numbers.
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            var (_, rejected) = _validator.Validate([new SeriesRow(Utc(2024, 1, 2), open, high, low, close, null, volume)]);

            Assert.Equal(reason, Assert.Single(rejected).Reason);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void Should_keep_the_time_and_the_finite_values_of_a_rejected_row()
    {
        var (_, rejected) = _validator.Validate([new SeriesRow(Utc(2024, 1, 2), 102.1, 101.2, double.NaN, 102.5, null, 900)]);

        var row = Assert.Single(rejected);
        Assert.Equal((Utc(2024, 1, 2), 102.1, 101.2, (double?)null, 102.5, 900.0), (row.Time!.Value, row.Open!.Value, row.High!.Value, row.Low, row.Close!.Value, row.Volume!.Value));
        Assert.Equal("low NaN is not a finite number", row.Reason);
    }

    [Fact]
    public void Should_sort_rows_and_reject_duplicates_across_batches_and_times_outside_the_range()
    {
        var (first, _) = _validator.Validate([Row(2024, 1, 3), Row(2024, 1, 2)]);
        var (second, rejected) = _validator.Validate([Row(2024, 1, 3), Row(2023, 12, 31), Row(2024, 2, 1), Row(2024, 1, 4)]);

        Assert.Equal([Utc(2024, 1, 2), Utc(2024, 1, 3)], first.Select(r => r.Time));
        Assert.Equal([Utc(2024, 1, 4)], second.Select(r => r.Time));
        Assert.Equal(3, rejected.Count);
        Assert.Contains(rejected, r => r.Reason.StartsWith("duplicate"));
        Assert.Equal(2, rejected.Count(r => r.Reason.Contains("outside the requested range")));
    }

    private static SeriesRow Row(int y, int m, int d) => new(Utc(y, m, d), 1, 1, 1, 1);
}
