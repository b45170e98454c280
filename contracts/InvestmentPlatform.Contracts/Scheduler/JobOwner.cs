namespace InvestmentPlatform.Contracts.Scheduler;

/// <summary>v1.1 member of JobRunStatusChanged: whose job it is. Absent (null) in messages from v1.0 publishers.</summary>
/// <param name="UserId">The job's owner; null for a job without one, which only admins see.</param>
public record JobOwner(string? UserId);
