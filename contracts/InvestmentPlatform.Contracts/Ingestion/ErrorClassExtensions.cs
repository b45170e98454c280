namespace InvestmentPlatform.Contracts.Ingestion;

/// <summary>Rules over <see cref="ErrorClass"/> that every step shares.</summary>
public static class ErrorClassExtensions
{
    /// <summary>
    /// The one rule of what is worth another attempt, for a collector's retries, a chunk's redelivery and a job's
    /// retry run alike: a failure that may pass next time. Bad credentials, unknown symbols, rejected parameters and
    /// payloads that failed validation fail the same way again.
    /// </summary>
    public static bool IsRetryable(this ErrorClass errorClass) =>
        errorClass is ErrorClass.Transient or ErrorClass.RateLimited or ErrorClass.Timeout;
}
