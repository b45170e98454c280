using InvestmentPlatform.Reports.Requests;

namespace InvestmentPlatform.Scheduler.Jobs;

/// <summary>When a job fires: a Quartz cron in a time zone, a fixed interval, or only after its upstream jobs.</summary>
public sealed record ScheduleDto(string Kind, string? Cron = null, string? TimeZone = null, int? IntervalSeconds = null);

public sealed record LastRunDto(Guid Id, string Status, DateTime? FinishedAt);

public sealed record JobDto(
    Guid Id,
    string Name,
    string? Description,
    string Source,
    IReadOnlyList<string> Symbols,
    Dictionary<string, string>? AssetFilter,
    string? AssetType,
    string Interval,
    string Mode,
    int LookbackDays,
    ScheduleDto Schedule,
    bool Enabled,
    int MaxRetries,
    int TimeoutSeconds,
    IReadOnlyList<string> Tags,
    Guid? TemplateId,
    IReadOnlyList<Guid> DependsOn,
    LastRunDto? LastRun,
    DateTime? NextFireTime,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    string? OwnerId,
    Dictionary<string, string>? Options = null,
    int Version = 0,
    string Kind = JobKinds.Collection,
    ReportInput? Report = null);

/// <summary>
/// The body of POST and PUT /api/scheduler/jobs; optional fields take the documented defaults. A PUT must carry the
/// <c>version</c> it read (POST ignores it). A job of kind <c>report</c> gives <c>report</c> (the body of POST
/// /api/reports) instead of the collection fields (source, symbols, interval, mode, lookbackDays, options).
/// </summary>
public sealed record JobRequest(
    string? Name,
    string? Description,
    string? Source,
    IReadOnlyList<string>? Symbols,
    Dictionary<string, string>? AssetFilter,
    string? AssetType,
    string? Interval,
    string? Mode,
    int? LookbackDays,
    ScheduleDto? Schedule,
    bool? Enabled,
    int? MaxRetries,
    int? TimeoutSeconds,
    IReadOnlyList<string>? Tags,
    Guid? TemplateId,
    IReadOnlyList<Guid>? DependsOn,
    Dictionary<string, string>? Options = null,
    int? Version = null,
    string? Kind = null,
    ReportInput? Report = null);

public sealed record RunDto(
    Guid Id,
    Guid JobId,
    string JobName,
    string Status,
    string Trigger,
    int Attempt,
    Guid? ChainId,
    Guid? RequestId,
    DateTime ScheduledAt,
    DateTime? StartedAt,
    DateTime? FinishedAt,
    double? DurationMs,
    long RecordsCollected,
    long RecordsLoaded,
    long RecordsRejected,
    string? ErrorClass,
    string? ErrorMessage,
    Guid? ReportId = null);

public sealed record GraphNode(Guid Id, string Name, bool Enabled, string? LastStatus);

public sealed record GraphEdge(Guid From, Guid To);

public sealed record JobGraph(IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphEdge> Edges);
