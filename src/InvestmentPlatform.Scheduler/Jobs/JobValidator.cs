using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Collectors.Core;
using InvestmentPlatform.Ingestion;
using InvestmentPlatform.Ingestion.Requests;
using InvestmentPlatform.Reports.Requests;
using InvestmentPlatform.Scheduler.Cron;
using Microsoft.Extensions.Options;

namespace InvestmentPlatform.Scheduler.Jobs;

/// <summary>A job request with defaults applied and every field checked, ready to store.</summary>
public sealed record ValidJob(
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
    IReadOnlyDictionary<string, string>? Options,
    string Kind = JobKinds.Collection,
    ReportInput? Report = null);

/// <summary>The bounds <see cref="JobValidator"/> enforces, served so that forms check the same numbers before sending.</summary>
/// <param name="MinPeriodSeconds">The shortest period a cron or interval schedule may fire at.</param>
/// <param name="MaxBarsPerRequest">Bars per symbol one run may collect (lookbackDays × bars per day).</param>
/// <param name="MaxRowsPerRequest">Bars × symbols one run may collect.</param>
public sealed record JobLimits(
    int NameMaxLength,
    int MaxSymbols,
    int SymbolMaxLength,
    int LookbackDaysMin,
    int LookbackDaysMax,
    int LookbackDaysDefault,
    int MaxRetriesMin,
    int MaxRetriesMax,
    int TimeoutSecondsMin,
    int TimeoutSecondsDefault,
    double MinPeriodSeconds,
    long MaxBarsPerRequest,
    long MaxRowsPerRequest);

/// <summary>
/// Checks a job request against the collector registry's source descriptors, the request limits every collection
/// obeys, and the scheduling rules.
/// </summary>
public sealed class JobValidator(
    ICollectorRegistry collectors, RequestLimits limits, IOptions<SchedulerOptions> options, IOptions<IngestionOptions> ingestion, TimeProvider clock)
{
    public const int MaxRetriesLimit = 10;
    public const int NameMaxLength = 200;
    public const int LookbackDaysMin = 1;
    public const int LookbackDaysMax = 36500;
    public const int LookbackDaysDefault = 7;
    public const int TimeoutSecondsDefault = 3600;

    public JobLimits Limits => new(NameMaxLength, RequestLimits.MaxSymbols, RequestLimits.MaxSymbolLength, LookbackDaysMin, LookbackDaysMax,
        LookbackDaysDefault, 0, MaxRetriesLimit, 0, TimeoutSecondsDefault, options.Value.MinPeriodSeconds,
        ingestion.Value.MaxBarsPerRequest, ingestion.Value.MaxRowsPerRequest);
    public static readonly IReadOnlyList<string> AssetFilterKeys = ["assetType", "source", "exchange", "currency"];

    /// <remarks>A report job's report is checked against the data (its portfolio, symbols, job) by the report door, when the job is saved.</remarks>
    public Outcome<ValidJob> Validate(JobRequest r)
    {
        if (string.IsNullOrWhiteSpace(r.Name))
            return SchedulerProblem.Invalid("name", "name is required.");
        if (r.Name.Length > NameMaxLength)
            return SchedulerProblem.Invalid("name", $"name must be at most {NameMaxLength} characters.");
        var kind = r.Kind?.Trim().ToLowerInvariant() ?? JobKinds.Collection;
        if (!JobKinds.All.Contains(kind))
            return SchedulerProblem.Invalid("kind", $"kind '{r.Kind}' is not known: use {string.Join(" or ", JobKinds.All)}.");
        if (kind == JobKinds.Report)
            return ValidateReportJob(r);
        if (r.Report is not null)
            return SchedulerProblem.Invalid("report", "report is only for a job of kind report.");
        if (string.IsNullOrWhiteSpace(r.Source))
            return SchedulerProblem.Invalid("source", "source is required.");
        var descriptor = collectors.Sources.FirstOrDefault(s => string.Equals(s.Name, r.Source, StringComparison.OrdinalIgnoreCase));
        if (descriptor is null)
            return SchedulerProblem.Unprocessable("source",
                collectors.Sources.Count == 0
                    ? $"source '{r.Source}' is not known: no sources are registered."
                    : $"source '{r.Source}' is not known: use one of {string.Join(", ", collectors.Sources.Select(s => s.Name))}.");

        var symbols = (r.Symbols ?? []).Select(s => s?.Trim() ?? "").ToList();
        if (symbols.Any(string.IsNullOrEmpty))
            return SchedulerProblem.Invalid("symbols", "symbols must not contain empty entries.");
        symbols = symbols.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (symbols.Count > 0 && limits.CheckSymbols(symbols).FirstOrDefault() is { } symbolProblem)
            return SchedulerProblem.Invalid("symbols", symbolProblem.Message);
        if (r.AssetFilter is { Count: > 0 } filter)
        {
            if (symbols.Count > 0)
                return SchedulerProblem.Invalid("assetFilter", "give either symbols or assetFilter, not both.");
            var unknownKey = filter.Keys.FirstOrDefault(k => !AssetFilterKeys.Contains(k));
            if (unknownKey is not null)
                return SchedulerProblem.Invalid("assetFilter", $"assetFilter key '{unknownKey}' is not known: use {string.Join(", ", AssetFilterKeys)}.");
        }
        else if (symbols.Count == 0)
            return SchedulerProblem.Invalid("symbols", "symbols must list at least one symbol (or give an assetFilter).");

        if (r.AssetType is not null && !descriptor.AssetTypes.Contains(r.AssetType))
            return SchedulerProblem.Unprocessable("assetType",
                $"source '{descriptor.Name}' does not serve asset type '{r.AssetType}': it serves {string.Join(", ", descriptor.AssetTypes)}.");

        if (SourceOptions.Check(descriptor, r.Options, SubmissionDoor.Scheduler).FirstOrDefault() is { } option)
            return option.Unprocessable ? SchedulerProblem.Unprocessable(option.Field, option.Message) : SchedulerProblem.Invalid(option.Field, option.Message);

        if (string.IsNullOrWhiteSpace(r.Interval))
            return SchedulerProblem.Invalid("interval", "interval is required.");
        if (!BarIntervals.IsKnown(r.Interval))
            return SchedulerProblem.Invalid("interval", $"interval '{r.Interval}' is not known: use {string.Join(", ", BarIntervals.All)}.");
        if (!descriptor.Supports(r.Interval))
            return SchedulerProblem.Unprocessable("interval",
                $"source '{descriptor.Name}' does not serve interval '{r.Interval}': it serves {string.Join(", ", descriptor.Intervals)}.");

        var mode = r.Mode ?? "incremental";
        if (!CollectionModes.All.Contains(mode))
            return SchedulerProblem.Invalid("mode", $"mode '{mode}' is not known: use batch or incremental.");
        var lookback = r.LookbackDays ?? LookbackDaysDefault;
        if (lookback is < LookbackDaysMin or > LookbackDaysMax)
            return SchedulerProblem.Invalid("lookbackDays", $"lookbackDays must be between {LookbackDaysMin} and {LookbackDaysMax}.");

        var now = clock.GetUtcNow().UtcDateTime;
        if (limits.CheckSize(descriptor, r.Interval, Math.Max(1, symbols.Count), now.AddDays(-lookback), now).FirstOrDefault() is { } size)
            return SchedulerProblem.Unprocessable("lookbackDays", size.Message);

        var run = ValidateRunning(r);
        if (run.Problem is not null)
            return run.Problem;
        var (schedule, maxRetries, timeout, tags, dependsOn) = run.Value!;
        return new ValidJob(r.Name.Trim(), r.Description, descriptor.Name, symbols,
            r.AssetFilter is { Count: > 0 } ? r.AssetFilter : null, r.AssetType, r.Interval, mode, lookback,
            schedule, r.Enabled ?? true, maxRetries, timeout, tags, r.TemplateId, dependsOn,
            r.Options is { Count: > 0 } ? r.Options : null);
    }

    /// <summary>A report job has a report instead of the collection fields; it runs, retries and depends as any job.</summary>
    private Outcome<ValidJob> ValidateReportJob(JobRequest r)
    {
        if (r.Report is null)
            return SchedulerProblem.Invalid("report", "report is required for a job of kind report: { kind, format, ... } as POST /api/reports takes.");
        var collectionField = (r.Source, r.Symbols, r.AssetFilter, r.Interval, r.Mode, r.LookbackDays, r.Options, r.TemplateId) switch
        {
            ({ Length: > 0 }, _, _, _, _, _, _, _) => "source",
            (_, { Count: > 0 }, _, _, _, _, _, _) => "symbols",
            (_, _, { Count: > 0 }, _, _, _, _, _) => "assetFilter",
            (_, _, _, { Length: > 0 }, _, _, _, _) => "interval",
            (_, _, _, _, { Length: > 0 }, _, _, _) => "mode",
            (_, _, _, _, _, not null, _, _) => "lookbackDays",
            (_, _, _, _, _, _, { Count: > 0 }, _) => "options",
            (_, _, _, _, _, _, _, not null) => "templateId",
            _ => null,
        };
        if (collectionField is not null)
            return SchedulerProblem.Invalid(collectionField, $"{collectionField} is for collection jobs: a report job's report says what it reads.");
        var run = ValidateRunning(r);
        if (run.Problem is not null)
            return run.Problem;
        var (schedule, maxRetries, timeout, tags, dependsOn) = run.Value!;
        return new ValidJob(r.Name!.Trim(), r.Description, "", [], null, null, "", "", 0, schedule, r.Enabled ?? true, maxRetries, timeout,
            tags, null, dependsOn, null, JobKinds.Report, r.Report);
    }

    /// <summary>When and how any job runs: its schedule, retries, time limit, tags and upstream jobs.</summary>
    private Outcome<(ScheduleDto Schedule, int MaxRetries, int Timeout, IReadOnlyList<string> Tags, IReadOnlyList<Guid> DependsOn)> ValidateRunning(JobRequest r)
    {
        var dependsOn = (r.DependsOn ?? []).Distinct().ToList();
        var schedule = ValidateSchedule(r.Schedule, dependsOn.Count);
        if (schedule.Problem is not null)
            return schedule.Problem;

        var maxRetries = r.MaxRetries ?? 0;
        if (maxRetries is < 0 or > MaxRetriesLimit)
            return SchedulerProblem.Invalid("maxRetries", $"maxRetries must be between 0 and {MaxRetriesLimit}.");
        var timeout = r.TimeoutSeconds ?? TimeoutSecondsDefault;
        if (timeout < 0)
            return SchedulerProblem.Invalid("timeoutSeconds", "timeoutSeconds must be 0 (no limit) or more.");
        var tags = (r.Tags ?? []).Select(t => t?.Trim() ?? "").ToList();
        if (tags.Any(string.IsNullOrEmpty))
            return SchedulerProblem.Invalid("tags", "tags must not contain empty entries.");
        return (schedule.Value!, maxRetries, timeout, (IReadOnlyList<string>)tags.Distinct().ToList(), (IReadOnlyList<Guid>)dependsOn);
    }

    private Outcome<ScheduleDto> ValidateSchedule(ScheduleDto? s, int dependencyCount)
    {
        var min = TimeSpan.FromSeconds(options.Value.MinPeriodSeconds);
        if (s is null)
            return SchedulerProblem.Invalid("schedule", "schedule is required: { kind: cron|interval|dependencies, ... }.");
        switch (s.Kind)
        {
            case ScheduleKinds.Cron:
                var zone = s.TimeZone ?? "UTC";
                if (!CronPreview.TryParse(s.Cron, zone, out var cron, out var problem))
                    return problem!.Field == "expr"
                        ? SchedulerProblem.Invalid("schedule.cron", problem.Message)
                        : SchedulerProblem.Invalid("schedule.timeZone", problem.Message);
                if (ShortestGap(cron!) < min)
                    return SchedulerProblem.Invalid("schedule.cron", $"the cron expression fires more often than every {min.TotalSeconds:0.###} s (Scheduler__MinPeriodSeconds).");
                return new ScheduleDto(ScheduleKinds.Cron, s.Cron!.Trim(), zone, null);
            case ScheduleKinds.Interval:
                if (s.IntervalSeconds is not > 0 || s.IntervalSeconds < min.TotalSeconds)
                    return SchedulerProblem.Invalid("schedule.intervalSeconds", $"schedule.intervalSeconds must be {Math.Max(1, Math.Ceiling(min.TotalSeconds)):0} or more (Scheduler__MinPeriodSeconds).");
                return new ScheduleDto(ScheduleKinds.Interval, null, null, s.IntervalSeconds);
            case ScheduleKinds.Dependencies:
                if (dependencyCount == 0)
                    return SchedulerProblem.Invalid("dependsOn", "a job scheduled on dependencies must depend on at least one job.");
                return new ScheduleDto(ScheduleKinds.Dependencies);
            default:
                return SchedulerProblem.Invalid("schedule.kind", $"schedule.kind '{s.Kind}' is not known: use cron, interval or dependencies.");
        }
    }

    /// <summary>The shortest wait between fires over the next day's worth of them (at most 500).</summary>
    private TimeSpan ShortestGap(global::Quartz.CronExpression cron)
    {
        var shortest = TimeSpan.MaxValue;
        var previous = cron.GetNextValidTimeAfter(clock.GetUtcNow());
        var end = clock.GetUtcNow().AddDays(1);
        for (var i = 0; i < 500 && previous is { } p && p < end; i++)
        {
            var next = cron.GetNextValidTimeAfter(p);
            if (next is { } n && n - p < shortest)
                shortest = n - p;
            previous = next;
        }
        return shortest;
    }
}
