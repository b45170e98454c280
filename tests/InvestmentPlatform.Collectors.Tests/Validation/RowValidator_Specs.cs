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
