namespace InvestmentPlatform.Data.Scheduler;

public class SchedulerJobTemplate
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public required string Source { get; set; }
    public string Symbols { get; set; } = "[]";
    public string? AssetType { get; set; }
    public required string Interval { get; set; }
    public required string Mode { get; set; }
    public int LookbackDays { get; set; }
    public string? CronExpression { get; set; }
    public string? TimeZone { get; set; }
    public int? IntervalSeconds { get; set; }
    public int MaxRetries { get; set; }
    public int TimeoutSeconds { get; set; }
    public string Tags { get; set; } = "[]";
    /// <summary>The source's options as a JSON object of strings, or null: a job made from the template takes them.</summary>
    public string? Options { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>Optimistic concurrency token: every user edit checks the version it read and bumps it.</summary>
    public int Version { get; set; }
}
