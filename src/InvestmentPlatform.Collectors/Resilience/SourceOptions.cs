namespace InvestmentPlatform.Collectors.Resilience;

/// <summary>Settings of one HTTP source, bound from <c>Sources:&lt;Name&gt;</c> (for example <c>Sources__Yahoo__BaseUrl</c>).</summary>
public sealed class SourceOptions
{
    public string BaseUrl { get; set; } = "";

    /// <summary>API key, for sources that need one (FRED; falls back to FRED_API_KEY).</summary>
    public string? ApiKey { get; set; }

    /// <summary>Time limit of one provider call, body included.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public int MaxRetries { get; set; } = 3;

    /// <summary>First retry delay; later ones grow exponentially with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest Retry-After the collector waits for before giving up as rate-limited.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Requests allowed per <see cref="RatePeriod"/>, shared by every caller in the process.</summary>
    public int RatePermits { get; set; } = 2;

    public TimeSpan RatePeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Callers that may wait for a permit; beyond this they fail as rate-limited.</summary>
    public int RateQueueLimit { get; set; } = 1_000;

    public double BreakerFailureRatio { get; set; } = 0.5;

    public int BreakerMinimumThroughput { get; set; } = 10;

    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan BreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(30);
}
