using InvestmentPlatform.Contracts.Ingestion;

namespace InvestmentPlatform.Scheduler.Runs;

/// <summary>Which failures are worth another attempt, and how long to wait before it.</summary>
public static class RetryPolicy
{
    /// <summary>Bad credentials, unknown symbols and rejected parameters fail the same way every time.</summary>
    public static bool IsRetryable(string? errorClass) =>
        errorClass is not (nameof(ErrorClass.Authentication) or nameof(ErrorClass.NotFound) or nameof(ErrorClass.BadRequest));

    /// <summary>Exponential backoff: base, 2×base, 4×base … for attempts 1, 2, 3 …, capped.</summary>
    public static TimeSpan Delay(int failedAttempt, SchedulerOptions options) =>
        TimeSpan.FromSeconds(Math.Min(options.MaxRetryDelaySeconds, options.RetryBaseSeconds * Math.Pow(2, Math.Max(0, failedAttempt - 1))));
}
