namespace InvestmentPlatform.Contracts.Reports;

/// <summary>
/// v1.1. A requested report finished: its file is stored and can be downloaded (GET /api/reports/{id}/file), or it
/// failed with <paramref name="Error"/>. Published once the outcome is committed.
/// </summary>
/// <param name="ReportId">The report.</param>
/// <param name="OwnerId">Who asked for it: the only user told.</param>
/// <param name="Kind">portfolio, comparison, coverage or scheduler.</param>
/// <param name="Status">succeeded or failed.</param>
/// <param name="FileName">The file's name, when it succeeded.</param>
/// <param name="Size">The file's size in bytes, when it succeeded.</param>
/// <param name="Error">Why it failed, in words a user can act on.</param>
/// <param name="FinishedAt">When it finished, UTC.</param>
/// <param name="RunId">v1.1: the scheduler run that asked for it, for a scheduled report; null otherwise.</param>
public record ReportReady(Guid ReportId, string OwnerId, string Kind, string Status, string? FileName, long? Size, string? Error, DateTime FinishedAt,
    Guid? RunId = null);
