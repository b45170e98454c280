using InvestmentPlatform.Data;
using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.Scheduler.Jobs;

/// <summary>
/// Reads next fire times straight from Quartz's trigger table, so the API role knows them without running Quartz.
/// </summary>
public sealed class NextFireTimes(PlatformDbContext db)
{
    public const string SchedulerName = "investment-platform";
    public const string TriggerGroup = "scheduler-jobs";

    public async Task<Dictionary<Guid, DateTime>> ForAsync(IReadOnlyCollection<Guid> jobIds, CancellationToken ct)
    {
        if (jobIds.Count == 0)
            return [];
        var rows = await db.Database.SqlQueryRaw<TriggerRow>(
                // Explicit aliases: SQLite reports the declared upper-case column names otherwise.
                "SELECT trigger_name AS trigger_name, next_fire_time AS next_fire_time FROM qrtz_triggers " +
                "WHERE sched_name = {0} AND trigger_group = {1} AND next_fire_time IS NOT NULL",
                SchedulerName, TriggerGroup)
            .ToListAsync(ct);
        var wanted = jobIds.ToHashSet();
        var result = new Dictionary<Guid, DateTime>();
        foreach (var row in rows)
        {
            // Quartz stores instants as UTC ticks (the snake-case convention maps the columns).
            if (Guid.TryParse(row.TriggerName, out var id) && wanted.Contains(id) && row.NextFireTime is { } ticks)
                result[id] = new DateTime(ticks, DateTimeKind.Utc);
        }
        return result;
    }

    private sealed class TriggerRow
    {
        public string TriggerName { get; set; } = "";
        public long? NextFireTime { get; set; }
    }
}
