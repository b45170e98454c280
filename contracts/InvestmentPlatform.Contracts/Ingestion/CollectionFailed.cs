namespace InvestmentPlatform.Contracts.Ingestion;

/// <summary>v1. A request (or every symbol in it) failed.</summary>
/// <param name="RequestId">The request.</param>
/// <param name="JobId">Scheduler job, if any.</param>
/// <param name="RunId">Scheduler run, if any.</param>
/// <param name="Symbol">The failing symbol, or null when the whole request failed.</param>
/// <param name="ErrorClass">Failure class.</param>
/// <param name="Message">The provider's own message or the platform's reason.</param>
/// <param name="FailedAt">When the failure was recorded, UTC.</param>
public record CollectionFailed(
    Guid RequestId,
    Guid? JobId,
    Guid? RunId,
    string? Symbol,
    ErrorClass ErrorClass,
    string Message,
    DateTime FailedAt);
