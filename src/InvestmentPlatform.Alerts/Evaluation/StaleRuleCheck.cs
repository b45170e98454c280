using System.Globalization;
using InvestmentPlatform.Alerts.Rules;
using InvestmentPlatform.Calendars;
using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Data;
using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.Alerts.Evaluation;

/// <summary>
/// Stale-data rules, checked on calendar time by <see cref="AlertChecksJob"/>: a rule fires when its series has had no
/// new bar for N periods its asset's calendar expected (sessions for stocks, weekdays for FX, every day for crypto,
/// the series frequency for FRED). The last bar's time is the trigger time, so a staleness episode fires once, however
/// often the check runs, and a newer bar starts the next episode.
/// </summary>
public sealed class StaleRuleCheck(PlatformDbContext db, FiringRecorder recorder, SeriesHistory history, TimeProvider time) : IAlertCheck
{
    /// <summary>Far enough ahead to read a series' newest bar, and a time both databases store.</summary>
    private static readonly DateTime End = new(9000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var rules = await (from r in db.AlertRules.AsNoTracking()
                           join a in db.Assets.AsNoTracking() on r.AssetId equals a.AssetId
                           where r.Kind == AlertKinds.Stale && r.Enabled
                           select new { r.Id, a.AssetId, a.AssetType, a.Exchange, a.Symbol, r.Interval, r.Bars, r.CreatedAt, r.LastEvaluatedTime })
            .ToListAsync(ct);
        var fired = 0;
        foreach (var r in rules)
        {
            var last = await history.BeforeAsync(r.AssetId, r.AssetType, r.Interval!, End, 1, ct);
            // A series with no bar yet is stale from the rule's creation.
            var since = last.Count > 0 ? last[0].Time : r.CreatedAt;
            if (r.LastEvaluatedTime >= since)
                continue; // this episode fired already
            var calendar = ExchangeCalendars.ForAsset(r.AssetType, r.Exchange, r.Symbol, r.Interval);
            var missed = Missed(calendar, r.Interval!, since, now, r.Bars!.Value);
            if (missed < r.Bars)
                continue;
            var message = string.Create(CultureInfo.InvariantCulture,
                $"{r.Symbol} {r.Interval}: no new bar for {missed} expected periods since {since:yyyy-MM-dd HH:mm} UTC");
            if (await recorder.EvaluateAsync(r.Id, since, _ => Task.FromResult<RuleDecision?>(new(true, missed, message, true)), ct))
                fired++;
        }
        return fired;
    }

    /// <summary>
    /// Bars the calendar expected after <paramref name="lastBar"/> whose whole period has passed by <paramref name="now"/>,
    /// counted up to <paramref name="enough"/>: a bar still forming is not late yet.
    /// </summary>
    public static int Missed(IExchangeCalendar calendar, string interval, DateTime lastBar, DateTime now, int enough) =>
        calendar.ExpectedBars(interval, lastBar.AddTicks(1), now - BarIntervals.Length(interval) + TimeSpan.FromTicks(1)).Take(enough).Count();
}
