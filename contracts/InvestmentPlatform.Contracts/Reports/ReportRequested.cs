namespace InvestmentPlatform.Contracts.Reports;

/// <summary>
/// v1.1. Build the stored report request <paramref name="ReportId"/> (a report_requests row holding its kind, parameters
/// and format). Published through the outbox in the transaction that stored the row.
/// </summary>
/// <param name="ReportId">The report_requests row.</param>
/// <param name="Kind">portfolio, comparison, coverage or scheduler.</param>
/// <param name="OwnerId">The user who asked for it: the only one told when it is ready.</param>
/// <param name="RequestedAt">When it was asked for, UTC.</param>
/// <param name="RunId">v1.1: the scheduler run that asked for it, for a scheduled report; null otherwise.</param>
public record ReportRequested(Guid ReportId, string Kind, string OwnerId, DateTime RequestedAt, Guid? RunId = null);
