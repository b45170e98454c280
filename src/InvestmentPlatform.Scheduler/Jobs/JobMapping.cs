using System.Text.Json;
using InvestmentPlatform.Data.Scheduler;
using InvestmentPlatform.Reports.Requests;

namespace InvestmentPlatform.Scheduler.Jobs;

internal static class JobMapping
{
    public static IReadOnlyList<string> ReadList(string json) =>
        JsonSerializer.Deserialize<List<string>>(json) ?? [];

    /// <summary>A JSON object of strings (an asset filter or source options), or null.</summary>
    public static Dictionary<string, string>? ReadFilter(string? json) =>
        json is null ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(json);

    public static void Apply(SchedulerJob entity, ValidJob job)
    {
        entity.Kind = job.Kind;
        entity.Report = job.Report is null ? null : JsonSerializer.Serialize(job.Report, ReportRequestWriter.Json);
        entity.Name = job.Name;
        entity.Description = job.Description;
        entity.Source = job.Source;
        entity.Symbols = JsonSerializer.Serialize(job.Symbols);
        entity.AssetFilter = job.AssetFilter is null ? null : JsonSerializer.Serialize(job.AssetFilter);
        entity.AssetType = job.AssetType;
        entity.Options = job.Options is null ? null : JsonSerializer.Serialize(job.Options);
        entity.Interval = job.Interval;
        entity.Mode = job.Mode;
        entity.LookbackDays = job.LookbackDays;
        entity.ScheduleKind = job.Schedule.Kind;
        entity.CronExpression = job.Schedule.Cron;
        entity.TimeZone = job.Schedule.TimeZone;
        entity.IntervalSeconds = job.Schedule.IntervalSeconds;
        entity.Enabled = job.Enabled;
        entity.MaxRetries = job.MaxRetries;
        entity.TimeoutSeconds = job.TimeoutSeconds;
        entity.Tags = JsonSerializer.Serialize(job.Tags);
        entity.TemplateId = job.TemplateId;
    }

    public static JobDto ToDto(SchedulerJob j, IReadOnlyList<Guid> dependsOn, JobRun? lastRun, DateTime? nextFire) => new(
        j.Id, j.Name, j.Description, j.Source, ReadList(j.Symbols), ReadFilter(j.AssetFilter), j.AssetType, j.Interval, j.Mode,
        j.LookbackDays, new ScheduleDto(j.ScheduleKind, j.CronExpression, j.TimeZone, j.IntervalSeconds), j.Enabled,
        j.MaxRetries, j.TimeoutSeconds, ReadList(j.Tags), j.TemplateId, dependsOn,
        lastRun is null ? null : new LastRunDto(lastRun.Id, lastRun.Status, lastRun.FinishedAt),
        nextFire, j.CreatedAt, j.UpdatedAt, j.OwnerId, ReadFilter(j.Options), j.Version, j.Kind, ReadReport(j.Report));

    public static ReportInput? ReadReport(string? json) =>
        json is null ? null : JsonSerializer.Deserialize<ReportInput>(json, ReportRequestWriter.Json);

    public static RunDto ToDto(JobRun r, string jobName) => new(
        r.Id, r.JobId, jobName, r.Status, r.Trigger, r.Attempt, r.ChainId, r.RequestId, r.ScheduledAt, r.StartedAt,
        r.FinishedAt, r.DurationMs, r.RecordsCollected, r.RecordsLoaded, r.RecordsRejected, r.ErrorClass, r.ErrorMessage, r.ReportId);
}
