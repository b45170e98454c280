using InvestmentPlatform.Scheduler.Runs;

namespace InvestmentPlatform.Scheduler.Tests;

public sealed class When_deciding_retries
{
    [Fact]
    public void Should_double_the_delay_up_to_the_cap()
    {
        var options = new SchedulerOptions { RetryBaseSeconds = 30, MaxRetryDelaySeconds = 100 };
        Assert.Equal([30, 60, 100, 100], new[] { 1, 2, 3, 4 }.Select(a => RetryPolicy.Delay(a, options).TotalSeconds));
    }

    [Theory]
    [InlineData("Transient", true)]
    [InlineData("RateLimited", true)]
    [InlineData("Timeout", true)]
    [InlineData(null, true)]
    [InlineData("BadPayload", false)]
    [InlineData("Authentication", false)]
    [InlineData("NotFound", false)]
    [InlineData("BadRequest", false)]
    public void Should_retry_only_failures_that_may_pass_next_time(string? errorClass, bool retry) =>
        Assert.Equal(retry, RetryPolicy.IsRetryable(errorClass));

    [Fact]
    public void Should_derive_the_same_run_id_from_the_same_cause()
    {
        var job = Guid.NewGuid();
        var at = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        Assert.Equal(RunIds.ForFiring(job, at), RunIds.ForFiring(job, at));
        Assert.NotEqual(RunIds.ForFiring(job, at), RunIds.ForFiring(job, at.AddSeconds(1)));
        Assert.NotEqual(RunIds.ForDependent(job, job), RunIds.ForRetry(job));
    }
}
