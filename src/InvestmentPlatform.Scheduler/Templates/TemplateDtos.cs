using InvestmentPlatform.Scheduler.Jobs;

namespace InvestmentPlatform.Scheduler.Templates;

public sealed record TemplateDto(
    Guid Id,
    string Name,
    string? Description,
    string Source,
    IReadOnlyList<string> Symbols,
    string? AssetType,
    string Interval,
    string Mode,
    int LookbackDays,
    ScheduleDto? Schedule,
    int MaxRetries,
    int TimeoutSeconds,
    IReadOnlyList<string> Tags,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    int Version = 0,
    Dictionary<string, string>? Options = null);

/// <summary>
/// The body of POST and PUT /api/scheduler/templates; a PUT must carry the <c>version</c> it read. <c>options</c> are
/// the source's, checked as a job's are.
/// </summary>
public sealed record TemplateRequest(
    string? Name,
    string? Description,
    string? Source,
    IReadOnlyList<string>? Symbols,
    string? AssetType,
    string? Interval,
    string? Mode,
    int? LookbackDays,
    ScheduleDto? Schedule,
    int? MaxRetries,
    int? TimeoutSeconds,
    IReadOnlyList<string>? Tags,
    int? Version = null,
    Dictionary<string, string>? Options = null);
