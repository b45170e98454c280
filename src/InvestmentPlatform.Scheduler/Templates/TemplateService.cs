using System.Text.Json;
using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Scheduler;
using InvestmentPlatform.Scheduler.Jobs;
using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.Scheduler.Templates;

/// <summary>Reusable collection specs; a job made from one takes its values unless the request overrides them.</summary>
public sealed class TemplateService(PlatformDbContext db, JobValidator validator, JobService jobs, TimeProvider clock)
{
    public async Task<(IReadOnlyList<TemplateDto> Items, int Total)> ListAsync(int skip, int take, CancellationToken ct)
    {
        var total = await db.SchedulerJobTemplates.CountAsync(ct);
        var rows = await db.SchedulerJobTemplates.AsNoTracking().OrderBy(t => t.Name).Skip(skip).Take(take).ToListAsync(ct);
        return (rows.Select(ToDto).ToList(), total);
    }

    public async Task<TemplateDto?> GetAsync(Guid id, CancellationToken ct) =>
        await db.SchedulerJobTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct) is { } t ? ToDto(t) : null;

    public async Task<Outcome<TemplateDto>> CreateAsync(TemplateRequest request, CancellationToken ct)
    {
        var entity = new SchedulerJobTemplate { Name = "", Source = "", Interval = "", Mode = "" };
        if (await ApplyAsync(entity, request, Guid.Empty, ct) is { } problem)
            return problem;
        entity.Id = Guid.CreateVersion7();
        entity.CreatedAt = entity.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        db.SchedulerJobTemplates.Add(entity);
        await db.SaveChangesAsync(ct);
        return ToDto(entity);
    }

    public async Task<Outcome<TemplateDto>> UpdateAsync(Guid id, TemplateRequest request, CancellationToken ct)
    {
        var entity = await db.SchedulerJobTemplates.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (entity is null)
            return SchedulerProblem.NotFound($"Template {id} does not exist.");
        if (request.Version is not { } read)
            return SchedulerProblem.Invalid(EditVersions.Field, EditVersions.Missing);
        if (read != entity.Version)
            return SchedulerProblem.Stale($"Template '{entity.Name}'", entity.Version);
        if (await ApplyAsync(entity, request, id, ct) is { } problem)
            return problem;
        entity.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        EditVersions.Advance(db, entity, read);
        if (await EditVersions.SaveAsync(db, () => db.SchedulerJobTemplates.Where(t => t.Id == id).Select(t => (int?)t.Version).FirstOrDefaultAsync(ct), ct) is { } lost)
            return lost.Current is { } v ? SchedulerProblem.Stale($"Template '{entity.Name}'", v) : SchedulerProblem.NotFound($"Template {id} does not exist.");
        return ToDto(entity);
    }

    // Tracked rather than ExecuteDelete, so the delete goes through SaveChanges with its audit row.
    public async Task<bool> DeleteAsync(Guid id, CancellationToken ct)
    {
        if (await db.SchedulerJobTemplates.FirstOrDefaultAsync(t => t.Id == id, ct) is not { } template)
            return false;
        db.SchedulerJobTemplates.Remove(template);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// Creates a job from the template: every field the request leaves out comes from the template. The template's
    /// options go with its source only: a job that names another source takes none of them.
    /// </summary>
    public async Task<Outcome<JobDto>> CreateJobAsync(Guid id, JobRequest overrides, string? ownerId, CancellationToken ct)
    {
        var t = await db.SchedulerJobTemplates.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (t is null)
            return SchedulerProblem.NotFound($"Template {id} does not exist.");
        var source = overrides.Source ?? t.Source;
        var merged = new JobRequest(
            overrides.Name,
            overrides.Description ?? t.Description,
            source,
            overrides.Symbols ?? (overrides.AssetFilter is { Count: > 0 } ? null : JobMapping.ReadList(t.Symbols)),
            overrides.AssetFilter,
            overrides.AssetType ?? t.AssetType,
            overrides.Interval ?? t.Interval,
            overrides.Mode ?? t.Mode,
            overrides.LookbackDays ?? t.LookbackDays,
            overrides.Schedule ?? ScheduleOf(t),
            overrides.Enabled,
            overrides.MaxRetries ?? t.MaxRetries,
            overrides.TimeoutSeconds ?? t.TimeoutSeconds,
            overrides.Tags ?? JobMapping.ReadList(t.Tags),
            id,
            overrides.DependsOn,
            overrides.Options ?? (source == t.Source ? JobMapping.ReadFilter(t.Options) : null));
        return await jobs.CreateAsync(merged, ownerId, ct);
    }

    private async Task<SchedulerProblem?> ApplyAsync(SchedulerJobTemplate entity, TemplateRequest r, Guid id, CancellationToken ct)
    {
        // A template is checked as the job it would make; without a schedule of its own, any valid one stands in.
        var schedule = r.Schedule is null or { Kind: ScheduleKinds.Dependencies } ? new ScheduleDto(ScheduleKinds.Interval, IntervalSeconds: 86400) : r.Schedule;
        var valid = validator.Validate(new JobRequest(r.Name, r.Description, r.Source, r.Symbols, null, r.AssetType, r.Interval, r.Mode,
            r.LookbackDays, schedule, true, r.MaxRetries, r.TimeoutSeconds, r.Tags, null, null, r.Options));
        if (valid.Problem is not null)
            return valid.Problem;
        var v = valid.Value!;
        if (await db.SchedulerJobTemplates.AnyAsync(t => t.Name == v.Name && t.Id != id, ct))
            return SchedulerProblem.Conflict($"A template named '{v.Name}' already exists.");

        entity.Name = v.Name;
        entity.Description = v.Description;
        entity.Source = v.Source;
        entity.Symbols = JsonSerializer.Serialize(v.Symbols);
        entity.AssetType = v.AssetType;
        entity.Interval = v.Interval;
        entity.Mode = v.Mode;
        entity.LookbackDays = v.LookbackDays;
        var own = r.Schedule is { Kind: ScheduleKinds.Cron or ScheduleKinds.Interval };
        entity.CronExpression = own ? v.Schedule.Cron : null;
        entity.TimeZone = own ? v.Schedule.TimeZone : null;
        entity.IntervalSeconds = own ? v.Schedule.IntervalSeconds : null;
        entity.MaxRetries = v.MaxRetries;
        entity.TimeoutSeconds = v.TimeoutSeconds;
        entity.Tags = JsonSerializer.Serialize(v.Tags);
        entity.Options = v.Options is null ? null : JsonSerializer.Serialize(v.Options);
        return null;
    }

    private static ScheduleDto? ScheduleOf(SchedulerJobTemplate t) =>
        t.CronExpression is not null ? new ScheduleDto(ScheduleKinds.Cron, t.CronExpression, t.TimeZone)
        : t.IntervalSeconds is not null ? new ScheduleDto(ScheduleKinds.Interval, IntervalSeconds: t.IntervalSeconds)
        : null;

    private static TemplateDto ToDto(SchedulerJobTemplate t) => new(
        t.Id, t.Name, t.Description, t.Source, JobMapping.ReadList(t.Symbols), t.AssetType, t.Interval, t.Mode, t.LookbackDays,
        ScheduleOf(t), t.MaxRetries, t.TimeoutSeconds, JobMapping.ReadList(t.Tags), t.CreatedAt, t.UpdatedAt, t.Version,
        JobMapping.ReadFilter(t.Options));
}
