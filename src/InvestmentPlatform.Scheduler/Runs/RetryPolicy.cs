using InvestmentPlatform.Contracts.Ingestion;

namespace InvestmentPlatform.Scheduler.Runs;

/// <summary>Which failures are worth another attempt, and how long to wait before it.</summary>
public static class RetryPolicy
{
    /// <summary>A run that failed without a class (it timed out, its request was lost) is tried again as well.</summary>
    public static bool IsRetryable(string? errorClass) =>
        !Enum.TryParse<ErrorClass>(errorClass, out var parsed) || parsed.IsRetryable();

    /// <summary>Exponential backoff: base, 2×base, 4×base … for attempts 1, 2, 3 …, capped.</summary>
    public static TimeSpan Delay(int failedAttempt, SchedulerOptions options) =>
        TimeSpan.FromSeconds(Math.Min(options.MaxRetryDelaySeconds, options.RetryBaseSeconds * Math.Pow(2, Math.Max(0, failedAttempt - 1))));
}
