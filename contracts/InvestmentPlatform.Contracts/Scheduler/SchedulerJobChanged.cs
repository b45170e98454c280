namespace InvestmentPlatform.Contracts.Scheduler;

/// <summary>
/// v1. A scheduler job was created, changed, paused, resumed or deleted. The scheduler role reconciles the job's
/// Quartz trigger from <c>scheduler_jobs</c>, which stays the source of truth.
/// </summary>
/// <param name="JobId">The job.</param>
/// <param name="Change">created, updated, paused, resumed or deleted.</param>
/// <param name="Timestamp">When the change was committed, UTC.</param>
public record SchedulerJobChanged(Guid JobId, string Change, DateTime Timestamp);
