namespace InvestmentPlatform.Api.Hubs;

/// <summary>Names and payloads of the server → client messages (docs/api/events.md).</summary>
public static class HubMessages
{
    public const string JobStatus = "job_status";
    public const string CollectionProgress = "collection_progress";
    public const string Error = "error";
    public const string AnalyticsProgress = "analytics_progress";
    public const string Notification = "notification";
    public const string OrderUpdate = "order_update";
    public const string ReportReady = "report_ready";
    public const string ReplayProgress = "replay_progress";
    public const string QualityFinding = "quality_finding";
}

public sealed record JobStatusMessage(
    Guid JobId, Guid RunId, string JobName, string Status, long RecordsLoaded, string? ErrorClass, string? Message, DateTime Timestamp);

public sealed record CollectionProgressMessage(
    Guid RequestId, Guid? JobId, Guid? RunId, string? Symbol, string Status, int? ChunksDone, int? ChunksTotal,
    long RecordsCollected, long RecordsLoaded, DateTime Timestamp);

public sealed record ErrorMessage(
    Guid RequestId, Guid? JobId, Guid? RunId, string? Symbol, string ErrorClass, string Message, DateTime Timestamp);

public sealed record AnalyticsProgressMessage(
    Guid ResultId, string Kind, string Status, int Done, int Total, string? Error, DateTime Timestamp);

/// <summary>A new in-app notification, sent to its owner's connections only, with their unread count after it.</summary>
public sealed record NotificationMessage(
    Guid FiringId, Guid RuleId, string RuleName, string Kind, string? Symbol, string Message, double Value, DateTime TriggerTime, int Unread,
    DateTime Timestamp);

public sealed record OrderUpdateMessage(
    Guid OrderId, Guid AccountId, string Status, double? FillPrice, double? FillQuantity, double? FilledQuantity, string? Reason,
    DateTime Timestamp);

/// <summary>A report the user asked for finished, sent to their connections only.</summary>
public sealed record ReportReadyMessage(Guid ReportId, string Kind, string Status, string? FileName, long? Size, string? Error, DateTime Timestamp);

/// <summary>How far a paper replay got, sent to its owner's connections only; succeeded or failed once it finished.</summary>
public sealed record ReplayProgressMessage(Guid ReplayId, Guid AccountId, string Status, int Done, int Total, int Fills, string? Error, DateTime Timestamp);

/// <summary>A quality check found something new on a series; every reader hears of it (all and asset:{symbol}).</summary>
public sealed record QualityFindingMessage(
    long FindingId, string Symbol, string Interval, string Kind, DateTime BarTime, string Severity, bool Quarantined, string Detail, double Score,
    DateTime Timestamp);
