namespace InvestmentPlatform.Data.Scheduler;

public class SchedulerJob
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    /// <summary>collection (the default) or report.</summary>
    public string Kind { get; set; } = "collection";
    /// <summary>A report job's report: its kind, format and parameters as JSON (the body of POST /api/reports).</summary>
    public string? Report { get; set; }
    /// <summary>A collection job's source; empty for a report job, as are its interval and mode.</summary>
    public required string Source { get; set; }
    /// <summary>JSON array of symbols; empty when <see cref="AssetFilter"/> selects them.</summary>
    public string Symbols { get; set; } = "[]";
    /// <summary>JSON object selecting assets (for example {"assetType":"stock","source":"yahoo"}), or null.</summary>
    public string? AssetFilter { get; set; }
    public string? AssetType { get; set; }
    /// <summary>JSON object of source options (for example {"seed":"7"} or a CSV job's {"upload":"…"}), or null.</summary>
    public string? Options { get; set; }
    public required string Interval { get; set; }
    public required string Mode { get; set; }
    public int LookbackDays { get; set; }
    /// <summary>cron, interval or dependencies.</summary>
    public required string ScheduleKind { get; set; }
    public string? CronExpression { get; set; }
    public string? TimeZone { get; set; }
    public int? IntervalSeconds { get; set; }
    public bool Enabled { get; set; } = true;
    public int MaxRetries { get; set; }
    public int TimeoutSeconds { get; set; }
    /// <summary>JSON array of tags.</summary>
    public string Tags { get; set; } = "[]";
    public Guid? TemplateId { get; set; }
    /// <summary>The user who made the job; only they and admins change it or see its run events. Null for jobs made
    /// before jobs had owners, which only admins change.</summary>
    public string? OwnerId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}
