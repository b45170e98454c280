using InvestmentPlatform.Data;
using InvestmentPlatform.Scheduler.Jobs;
using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.Scheduler.Runs;

public sealed record RunQuery(Guid? JobId, string? Status, DateTime? From, DateTime? To, int Skip, int Take);

public sealed class RunQueries(PlatformDbContext db)
{
    public async Task<(IReadOnlyList<RunDto> Items, int Total)> ListAsync(RunQuery q, CancellationToken ct)
    {
        var runs = db.JobRuns.AsNoTracking().AsQueryable();
        if (q.JobId is { } jobId)
            runs = runs.Where(r => r.JobId == jobId);
        if (q.Status is { } status)
            runs = runs.Where(r => r.Status == status);
        if (q.From is { } from)
            runs = runs.Where(r => r.ScheduledAt >= from);
        if (q.To is { } to)
            runs = runs.Where(r => r.ScheduledAt < to);
        var total = await runs.CountAsync(ct);
        var page = await (from r in runs
                          join j in db.SchedulerJobs on r.JobId equals j.Id
                          orderby r.ScheduledAt descending, r.Attempt descending
                          select new { Run = r, j.Name }).Skip(q.Skip).Take(q.Take).ToListAsync(ct);
        return (page.Select(p => JobMapping.ToDto(p.Run, p.Name)).ToList(), total);
    }
}
