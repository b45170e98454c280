using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Collectors.Core;
using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Ingestion;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InvestmentPlatform.Ingestion.Requests;

/// <summary>A request refused because its source's rows for the day are spent; it may be sent again after RetryAfter.</summary>
public sealed record QuotaRefusal(string Message, TimeSpan RetryAfter);

/// <summary>Thrown by the request writer instead of storing a request over its source's daily ceiling.</summary>
public sealed class QuotaExceededException(QuotaRefusal refusal) : Exception(refusal.Message)
{
    public QuotaRefusal Refusal { get; } = refusal;
}

/// <summary>
/// The ceiling on rows one source may be asked for per UTC day (Ingestion:MaxRowsPerDayPerSource), so that no caller
/// can spend a provider's allowance or the disk for everyone. Rows count as planned when a request is stored: bars in
/// its range times its symbols. The API and the command line refuse at the door (429); the planner refuses what came
/// by another door, such as a scheduled run, counting only the requests stored before it.
/// </summary>
public sealed class SourceDailyQuota(PlatformDbContext db, IOptions<IngestionOptions> options, TimeProvider clock)
{
    public static long PlannedRows(string interval, int symbols, DateTime from, DateTime to) =>
        BarIntervals.IsKnown(interval) && to > from ? (to - from).Ticks / BarIntervals.Length(interval).Ticks * symbols : 0;

    /// <summary>Checks a new request of <paramref name="rows"/> rows against what the source was asked for today.</summary>
    public async Task<QuotaRefusal?> CheckAsync(string source, long rows, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var used = await db.IngestionRequests.Where(r => r.Source == source && r.CreatedAt >= now.Date)
            .SumAsync(r => r.PlannedRows, ct);
        return Refusal(source, used, rows, now);
    }

    /// <summary>Checks a stored request against the requests its source was asked for earlier on the same day.</summary>
    public async Task<QuotaRefusal?> CheckStoredAsync(IngestionRequest request, CancellationToken ct)
    {
        var day = request.CreatedAt.Date;
        var used = await db.IngestionRequests
            .Where(r => r.Source == request.Source && r.CreatedAt >= day && r.CreatedAt < request.CreatedAt)
            .SumAsync(r => r.PlannedRows, ct);
        return Refusal(request.Source, used, request.PlannedRows, clock.GetUtcNow().UtcDateTime);
    }

    private QuotaRefusal? Refusal(string source, long used, long rows, DateTime now)
    {
        var limit = options.Value.MaxRowsPerDayPerSource;
        if (used + rows <= limit)
            return null;
        return new QuotaRefusal(
            $"Source '{source}' was asked for {used:N0} rows today and this request adds {rows:N0}; at most {limit:N0} per day " +
            "(Ingestion__MaxRowsPerDayPerSource). Try again after midnight UTC.",
            now.Date.AddDays(1) - now);
    }
}
