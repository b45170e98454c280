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
    DateTime UpdatedAt);

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
    IReadOnlyList<string>? Tags);
