namespace InvestmentPlatform.Contracts;

/// <summary>
/// Where a queued piece of work stands (a report, a replay, an analytics computation), as it travels in
/// <see cref="Reports.ReportReady"/>, <see cref="Trading.ReplayProgress"/>, <see cref="Analytics.AnalyticsProgress"/> and the API.
/// </summary>
public static class WorkStatuses
{
    /// <summary>Stored with its request message, not yet picked up.</summary>
    public const string Queued = "queued";
    /// <summary>Picked up by a worker.</summary>
    public const string Running = "running";
    /// <summary>Done, with its result stored; final.</summary>
    public const string Succeeded = "succeeded";
    /// <summary>Ended with an error, stored with it; final.</summary>
    public const string Failed = "failed";
}
