using InvestmentPlatform.Contracts.Ingestion;

namespace InvestmentPlatform.Collectors.Core;

/// <summary>A classified collection failure carrying the provider's own message.</summary>
public sealed class CollectorException(
    ErrorClass errorClass,
    string source,
    string message,
    Exception? inner = null,
    TimeSpan? retryAfter = null) : Exception($"{source}: {message}", inner)
{
    public ErrorClass ErrorClass { get; } = errorClass;
    public string SourceName { get; } = source;
    public string ProviderMessage { get; } = message;
    public TimeSpan? RetryAfter { get; } = retryAfter;

    public bool IsRetryable => ErrorClass.IsRetryable();
}
