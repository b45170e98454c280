using InvestmentPlatform.Analytics;
using InvestmentPlatform.Contracts.Scheduler;
using InvestmentPlatform.Data;
using InvestmentPlatform.Messaging.Outbox;
using InvestmentPlatform.Data.Scheduler;
using InvestmentPlatform.Ingestion.Uploads;
using InvestmentPlatform.Reports.Requests;
using InvestmentPlatform.Scheduler.Dependencies;
using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.Scheduler.Jobs;

public sealed record JobQuery(bool? Enabled, string? Tag, string? Search, int Skip, int Take);

/// <summary>
/// Jobs in <c>scheduler_jobs</c>, the source of truth. Every change is announced by <see cref="SchedulerJobChanged"/>
/// through the outbox in the same SaveChanges, so the scheduler role (maybe another process) reconciles its trigger.
/// </summary>
public sealed class JobService(PlatformDbContext db, JobValidator validator, ReportRequestWriter reports, NextFireTimes nextFireTimes, TimeProvider clock)
{
    public async Task<(IReadOnlyList<JobDto> Items, int Total)> ListAsync(JobQuery q, CancellationToken ct)
    {
        var query = db.SchedulerJobs.AsNoTracking().AsQueryable();
        if (q.Enabled is { } enabled)
            query = query.Where(j => j.Enabled == enabled);
        if (!string.IsNullOrWhiteSpace(q.Tag))
        {
            var quoted = System.Text.Json.JsonSerializer.Serialize(q.Tag.Trim());
            query = query.Where(j => j.Tags.Contains(quoted));
        }
        if (!string.IsNullOrWhiteSpace(q.Search))
        {
            var term = q.Search.Trim().ToLower();
            query = query.Where(j => j.Name.ToLower().Contains(term) || (j.Description != null && j.Description.ToLower().Contains(term)));
        }
        var total = await query.CountAsync(ct);
        var jobs = await query.OrderBy(j => j.Name).Skip(q.Skip).Take(q.Take).ToListAsync(ct);
        return (await ToDtosAsync(jobs, ct), total);
    }

    public async Task<JobDto?> GetAsync(Guid id, CancellationToken ct)
    {
        var job = await db.SchedulerJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, ct);
        return job is null ? null : (await ToDtosAsync([job], ct))[0];
    }

    /// <param name="ownerId">The user making the job (null for one made from the command line).</param>
    public Task<Outcome<JobDto>> CreateAsync(JobRequest request, string? ownerId, CancellationToken ct) =>
        DependencyWriteLock.RunAsync(db, () => CreateLockedAsync(request, ownerId, ct), ct);

    public Task<Outcome<JobDto>> UpdateAsync(Guid id, JobRequest request, CancellationToken ct) =>
        DependencyWriteLock.RunAsync(db, () => UpdateLockedAsync(id, request, ct), ct);

    private async Task<Outcome<JobDto>> CreateLockedAsync(JobRequest request, string? ownerId, CancellationToken ct)
    {
        var valid = await ValidateAsync(request, ownerId, ct);
        if (valid.Problem is not null)
            return valid.Problem;
        var job = valid.Value!;
        var id = Guid.CreateVersion7();
        if (await CheckReferencesAsync(id, job, ownerId, ct) is { } problem)
            return problem;

        var now = clock.GetUtcNow().UtcDateTime;
        var entity = new SchedulerJob
        {
            Id = id, Name = job.Name, Source = job.Source, Interval = job.Interval, Mode = job.Mode,
            ScheduleKind = job.Schedule.Kind, CreatedAt = now, UpdatedAt = now, OwnerId = ownerId,
        };
        JobMapping.Apply(entity, job);
        db.SchedulerJobs.Add(entity);
        db.SchedulerJobDependencies.AddRange(job.DependsOn.Select(up => new SchedulerJobDependency { JobId = id, DependsOnJobId = up }));
        db.EnqueuePublish(new SchedulerJobChanged(id, "created", now));
        await db.SaveChangesAsync(ct);
        return (await GetAsync(id, ct))!;
    }

    private async Task<Outcome<JobDto>> UpdateLockedAsync(Guid id, JobRequest request, CancellationToken ct)
    {
        var entity = await db.SchedulerJobs.FirstOrDefaultAsync(j => j.Id == id, ct);
        if (entity is null)
            return SchedulerProblem.NotFound($"Job {id} does not exist.");
        if (request.Version is not { } read)
            return SchedulerProblem.Invalid(EditVersions.Field, EditVersions.Missing);
        if (read != entity.Version)
            return SchedulerProblem.Stale($"Job '{entity.Name}'", entity.Version);
        var valid = await ValidateAsync(request, entity.OwnerId, ct);
        if (valid.Problem is not null)
            return valid.Problem;
        var job = valid.Value!;
        if (await CheckReferencesAsync(id, job, entity.OwnerId, ct) is { } problem)
            return problem;

        var now = clock.GetUtcNow().UtcDateTime;
        JobMapping.Apply(entity, job);
        entity.UpdatedAt = now;
        EditVersions.Advance(db, entity, read);
        var existing = await db.SchedulerJobDependencies.Where(d => d.JobId == id).ToListAsync(ct);
        db.SchedulerJobDependencies.RemoveRange(existing.Where(d => !job.DependsOn.Contains(d.DependsOnJobId)));
        db.SchedulerJobDependencies.AddRange(job.DependsOn.Where(up => existing.All(d => d.DependsOnJobId != up))
            .Select(up => new SchedulerJobDependency { JobId = id, DependsOnJobId = up }));
        db.EnqueuePublish(new SchedulerJobChanged(id, "updated", now));
        if (await EditVersions.SaveAsync(db, () => db.SchedulerJobs.Where(j => j.Id == id).Select(j => (int?)j.Version).FirstOrDefaultAsync(ct), ct) is { } lost)
            return lost.Current is { } v ? SchedulerProblem.Stale($"Job '{job.Name}'", v) : SchedulerProblem.NotFound($"Job {id} does not exist.");
        return (await GetAsync(id, ct))!;
    }

    /// <summary>Deletes the job and its runs; refused while other jobs depend on it.</summary>
    public async Task<SchedulerProblem?> DeleteAsync(Guid id, CancellationToken ct)
    {
        var entity = await db.SchedulerJobs.FirstOrDefaultAsync(j => j.Id == id, ct);
        if (entity is null)
            return SchedulerProblem.NotFound($"Job {id} does not exist.");
        var dependents = await (from d in db.SchedulerJobDependencies
                                join j in db.SchedulerJobs on d.JobId equals j.Id
                                where d.DependsOnJobId == id
                                orderby j.Name
                                select j.Name).ToListAsync(ct);
        if (dependents.Count > 0)
            return SchedulerProblem.Conflict(
                $"Job '{entity.Name}' is referenced: {string.Join(", ", dependents.Select(n => $"'{n}'"))} depend on it; change them first.");
        db.SchedulerJobs.Remove(entity);
        db.EnqueuePublish(new SchedulerJobChanged(id, "deleted", clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(ct);
        return null;
    }

    public async Task<JobDto?> SetEnabledAsync(Guid id, bool enabled, CancellationToken ct)
    {
        var entity = await db.SchedulerJobs.FirstOrDefaultAsync(j => j.Id == id, ct);
        if (entity is null)
            return null;
        if (entity.Enabled != enabled)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            entity.Enabled = enabled;
            entity.UpdatedAt = now;
            // Pause and resume change a field the edit form sends (enabled), so an edit read before them is stale.
            // The scheduler's own bookkeeping never writes this row: runs live in job_runs and next fire times in
            // Quartz's trigger table, so neither makes a user's edit spuriously stale.
            entity.Version++;
            db.EnqueuePublish(new SchedulerJobChanged(id, enabled ? "resumed" : "paused", now));
            await db.SaveChangesAsync(ct);
        }
        return await GetAsync(id, ct);
    }

    public async Task<JobGraph> GraphAsync(CancellationToken ct)
    {
        var jobs = await db.SchedulerJobs.AsNoTracking().OrderBy(j => j.Name).Select(j => new { j.Id, j.Name, j.Enabled }).ToListAsync(ct);
        var edges = await db.SchedulerJobDependencies.AsNoTracking().ToListAsync(ct);
        var last = await LatestRunsAsync(jobs.Select(j => j.Id).ToList(), ct);
        return new JobGraph(
            jobs.Select(j => new GraphNode(j.Id, j.Name, j.Enabled, last.GetValueOrDefault(j.Id)?.Status)).ToList(),
            edges.Select(e => new GraphEdge(e.DependsOnJobId, e.JobId)).ToList());
    }

    /// <summary>
    /// The request's fields, and a report job's report through the report door, as the owner would ask for it: their
    /// own portfolio, known symbols and jobs.
    /// </summary>
    private async Task<Outcome<ValidJob>> ValidateAsync(JobRequest request, string? ownerId, CancellationToken ct)
    {
        var valid = validator.Validate(request);
        if (valid.Problem is not null || valid.Value!.Kind != JobKinds.Report)
            return valid;
        if (ownerId is null)
            return SchedulerProblem.Unprocessable("kind", "A report job needs an owner to deliver to: make it through the API as a signed-in user.");
        try
        {
            return valid.Value with { Report = await reports.CheckAsync(valid.Value.Report!, ownerId, admin: false, ct) };
        }
        catch (AnalyticsException ex)
        {
            return ex.Kind == AnalyticsErrorKind.Invalid
                ? SchedulerProblem.Invalid($"report.{ex.Field}", ex.Message)
                : SchedulerProblem.Unprocessable($"report.{ex.Field}", ex.Message);
        }
    }

    private async Task<SchedulerProblem?> CheckReferencesAsync(Guid id, ValidJob job, string? ownerId, CancellationToken ct)
    {
        if (await db.SchedulerJobs.AnyAsync(j => j.Name == job.Name && j.Id != id, ct))
            return SchedulerProblem.Conflict($"A job named '{job.Name}' already exists.");
        // A job imports only a kept upload of its owner's: another user's upload is as unknown as a missing one.
        if (CsvUploads.IdOf(job.Options) is { } upload &&
            !await db.KeptUploads.AnyAsync(u => u.Id == upload && u.OwnerId == ownerId, ct))
            return SchedulerProblem.Unprocessable("options.upload", $"upload {upload:N} is not one of your kept uploads (POST /api/ingestion/uploads).");
        if (job.TemplateId is { } templateId && !await db.SchedulerJobTemplates.AnyAsync(t => t.Id == templateId, ct))
            return SchedulerProblem.Unprocessable("templateId", $"template {templateId} does not exist.");
        if (job.DependsOn.Count == 0)
            return null;

        var names = await db.SchedulerJobs.AsNoTracking().Select(j => new { j.Id, j.Name }).ToDictionaryAsync(j => j.Id, j => j.Name, ct);
        var unknown = job.DependsOn.Where(up => up != id && !names.ContainsKey(up)).ToList();
        if (unknown.Count > 0)
            return SchedulerProblem.Unprocessable("dependsOn", $"dependsOn names unknown job(s): {string.Join(", ", unknown)}.");

        var edges = (await db.SchedulerJobDependencies.AsNoTracking().Where(d => d.JobId != id).ToListAsync(ct))
            .GroupBy(d => d.JobId)
            .ToDictionary(g => g.Key, g => (IReadOnlyCollection<Guid>)g.Select(d => d.DependsOnJobId).ToList());
        if (DependencyGraph.FindCycle(id, job.DependsOn, edges) is { } cycle)
        {
            names[id] = job.Name;
            return SchedulerProblem.Conflict(
                $"Dependency cycle: {string.Join(" → ", cycle.Select(c => names.GetValueOrDefault(c, c.ToString())))} (each depends on the next).");
        }
        return null;
    }

    private async Task<IReadOnlyList<JobDto>> ToDtosAsync(IReadOnlyList<SchedulerJob> jobs, CancellationToken ct)
    {
        var ids = jobs.Select(j => j.Id).ToList();
        var deps = (await db.SchedulerJobDependencies.AsNoTracking().Where(d => ids.Contains(d.JobId)).ToListAsync(ct))
            .GroupBy(d => d.JobId).ToDictionary(g => g.Key, g => (IReadOnlyList<Guid>)g.Select(d => d.DependsOnJobId).ToList());
        var last = await LatestRunsAsync(ids, ct);
        var next = await nextFireTimes.ForAsync(ids, ct);
        return jobs.Select(j => JobMapping.ToDto(j, deps.GetValueOrDefault(j.Id, []), last.GetValueOrDefault(j.Id),
            j.Enabled && next.TryGetValue(j.Id, out var t) ? t : null)).ToList();
    }

    private async Task<Dictionary<Guid, JobRun>> LatestRunsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
            return [];
        var runs = await db.JobRuns.AsNoTracking()
            .Where(r => ids.Contains(r.JobId) && r.ScheduledAt == db.JobRuns.Where(x => x.JobId == r.JobId).Max(x => x.ScheduledAt))
            .ToListAsync(ct);
        return runs.GroupBy(r => r.JobId).ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.Attempt).First());
    }
}
