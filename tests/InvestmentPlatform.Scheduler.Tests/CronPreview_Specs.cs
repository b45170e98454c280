using InvestmentPlatform.Scheduler.Cron;
using InvestmentPlatform.Scheduler.Jobs;

namespace InvestmentPlatform.Scheduler.Tests;

public sealed class When_previewing_a_cron_expression
{
    private static readonly DateTimeOffset Now = new(2026, 3, 27, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Should_list_the_next_times_across_a_daylight_saving_change()
    {
        // London moves to BST on 29 March 2026: noon local is 12:00Z before and 11:00Z after.
        var preview = CronPreview.Preview("0 0 12 * * ?", "Europe/London", 4, Now);

        Assert.Null(preview.Problem);
        Assert.Equal(
        [
            new DateTime(2026, 3, 27, 12, 0, 0, DateTimeKind.Utc), new DateTime(2026, 3, 28, 12, 0, 0, DateTimeKind.Utc),
            new DateTime(2026, 3, 29, 11, 0, 0, DateTimeKind.Utc), new DateTime(2026, 3, 30, 11, 0, 0, DateTimeKind.Utc),
        ], preview.Value!.Next);
        Assert.Contains("Europe/London", preview.Value.Description);
    }

    [Theory]
    [InlineData("0 0 12 * *", "UTC", "expr")]
    [InlineData("61 * * * * ?", "UTC", "expr")]
    [InlineData("", "UTC", "expr")]
    [InlineData("0 0 12 * * ?", "Atlantis/Capital", "tz")]
    public void Should_name_the_bad_parameter(string expr, string tz, string field)
    {
        var preview = CronPreview.Preview(expr, tz, 5, Now);
        Assert.Equal(ProblemKind.Invalid, preview.Problem?.Kind);
        Assert.Equal(field, preview.Problem!.Field);
    }

    [Fact]
    public void Should_refuse_a_count_out_of_range()
    {
        Assert.Equal("count", CronPreview.Preview("0 * * * * ?", "UTC", 500, Now).Problem?.Field);
    }
}
