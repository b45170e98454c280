using InvestmentPlatform.Calendars;
using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Contracts.Quality;
using InvestmentPlatform.Data;
using InvestmentPlatform.Messaging.Outbox;
using InvestmentPlatform.Data.Quality;
using InvestmentPlatform.Quality.Checks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InvestmentPlatform.Quality.Running;

/// <summary>
/// Checks the range a load changed, plus a look-back, stores what it found (keeping people's decisions), scores the
/// series, and announces each new finding with <see cref="DataQualityIssueFound"/> in the same transaction.
/// </summary>
public sealed class SeriesQualityRunner(PlatformDbContext db, QualitySeriesReader reader, IOptions<QualityOptions> options, TimeProvider clock)
{
    /// <returns>The series' score after the check, or null when the asset no longer exists.</returns>
    public async Task<SeriesQuality?> RunAsync(long assetId, string interval, DateTime from, DateTime to, DateTime lastBar, CancellationToken ct)
    {
        var o = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var asset = await db.Assets.AsNoTracking().FirstOrDefaultAsync(a => a.AssetId == assetId, ct);
        if (asset is null)
            return null;
        var calendar = ExchangeCalendars.ForAsset(asset.AssetType, asset.Exchange, asset.Symbol, interval);
        var length = BarIntervals.Length(interval);

        var checkFrom = calendar.BarsBack(interval, QualityChecks.Period(from, interval), o.LookbackBars);
        var bars = await reader.ReadAsync(asset.AssetType, assetId, interval, checkFrom, to, ct);
        var found = QualityChecks.Run(bars, calendar, interval, asset.AssetType, from, to, o);
        var sinceLast = QualityChecks.BarsSince(lastBar, calendar, interval, now);
        if (QualityChecks.Stale(lastBar, calendar, interval, now, o.StaleAfterBars) is { } stale)
            found.Add(stale);

        db.ChangeTracker.Clear();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The findings this run can confirm or retire: bar kinds in the changed range, gaps over the whole window, staleness.
        var existing = await db.QualityFindings
            .Where(f => f.AssetId == assetId && f.Interval == interval &&
                        ((f.Kind != FindingKinds.Gap && f.Kind != FindingKinds.Stale && f.BarTime >= from && f.BarTime <= to)
                         || (f.Kind == FindingKinds.Gap && f.BarTime >= checkFrom && f.BarTime <= to)
                         || f.Kind == FindingKinds.Stale))
            .ToListAsync(ct);
        var byKey = existing.ToDictionary(f => (f.Kind, f.BarTime));
        var added = new List<QualityFinding>();
        foreach (var f in found.DistinctBy(f => (f.Kind, f.BarTime)))
        {
            if (byKey.Remove((f.Kind, f.BarTime), out var row))
            {
                row.Detail = f.Detail;
                row.Severity = f.Severity;
                row.Bars = f.Bars;
                row.UpdatedAt = now;
                continue;
            }
            var created = new QualityFinding
            {
                AssetId = assetId, Interval = interval, Kind = f.Kind, BarTime = f.BarTime, Severity = f.Severity, Detail = f.Detail,
                Bars = f.Bars, Quarantined = FindingKinds.Quarantines(f.Kind), Status = FindingStatuses.Open, FoundAt = now, UpdatedAt = now,
            };
            db.QualityFindings.Add(created);
            added.Add(created);
        }
        // What is no longer found was corrected by a reload; a person's decision is kept all the same.
        db.QualityFindings.RemoveRange(byKey.Values.Where(f => f.Status == FindingStatuses.Open));
        await db.SaveChangesAsync(ct);

        var score = await ScoreAsync(asset.AssetType, assetId, interval, calendar, lastBar, sinceLast, now, ct);
        foreach (var f in added)
            db.EnqueuePublish(new DataQualityIssueFound(f.Id, assetId, asset.Symbol, interval, f.Kind, f.BarTime, f.Severity,
                f.Quarantined, f.Detail, score.Score, now));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return score;
    }

    /// <summary>Records a person's decision on a finding and scores its series again; null for an unknown finding.</summary>
    public async Task<QualityFinding?> DecideAsync(long findingId, string status, string? decidedBy, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        db.ChangeTracker.Clear();
        var finding = await db.QualityFindings.FirstOrDefaultAsync(f => f.Id == findingId, ct);
        if (finding is null)
            return null;
        finding.Status = status;
        finding.DecidedBy = decidedBy;
        finding.DecidedAt = now;
        finding.UpdatedAt = now;
        // Accepted: the bar is right as stored and comes back; rejected: it is wrong and stays out.
        finding.Quarantined = status == FindingStatuses.Rejected && FindingKinds.Quarantines(finding.Kind);
        await db.SaveChangesAsync(ct);
        var asset = await db.Assets.AsNoTracking().FirstAsync(a => a.AssetId == finding.AssetId, ct);
        var row = await db.SeriesQuality.AsNoTracking().FirstOrDefaultAsync(q => q.AssetId == finding.AssetId && q.Interval == finding.Interval, ct);
        if (row?.LastBar is { } lastBar)
        {
            var calendar = ExchangeCalendars.ForAsset(asset.AssetType, asset.Exchange, asset.Symbol, finding.Interval);
            await ScoreAsync(asset.AssetType, asset.AssetId, finding.Interval, calendar, lastBar,
                QualityChecks.BarsSince(lastBar, calendar, finding.Interval, now), now, ct);
            await db.SaveChangesAsync(ct);
        }
        return finding;
    }

    /// <summary>Recomputes the stored score of a series from its stored findings (after a run or a person's decision).</summary>
    public async Task<SeriesQuality> ScoreAsync(
        string assetType, long assetId, string interval, IExchangeCalendar calendar, DateTime lastBar, long sinceLast, DateTime now, CancellationToken ct)
    {
        var o = options.Value;
        var scoreFrom = calendar.BarsBack(interval, QualityChecks.Period(lastBar, interval), o.ScoreBars - 1);
        // A series younger than the window is scored from its first bar: what came before it is no gap.
        if (await reader.FirstTimeAsync(assetType, assetId, interval, ct) is { } first && QualityChecks.Period(first, interval) > scoreFrom)
            scoreFrom = QualityChecks.Period(first, interval);
        var expected = calendar.ExpectedBars(interval, scoreFrom, lastBar.AddTicks(1)).LongCount();
        var stored = await reader.CountAsync(assetType, assetId, interval, scoreFrom, lastBar, ct);
        var counted = await db.QualityFindings.AsNoTracking()
            .Where(f => f.AssetId == assetId && f.Interval == interval && f.BarTime >= scoreFrom && f.BarTime <= lastBar
                        && f.Status != FindingStatuses.Accepted && f.Kind != FindingKinds.Stale)
            .Select(f => new { f.Kind, f.Bars, f.Status }).ToListAsync(ct);
        var missing = counted.Where(f => f.Kind == FindingKinds.Gap).Sum(f => (long)f.Bars);
        var suspect = counted.Where(f => f.Kind != FindingKinds.Gap).Sum(f => (long)f.Bars);
        var s = QualityScore.Compute(expected, missing, stored, suspect, sinceLast, o.StaleAfterBars);
        var row = await db.SeriesQuality.FirstOrDefaultAsync(q => q.AssetId == assetId && q.Interval == interval, ct);
        if (row is null)
        {
            row = new SeriesQuality { AssetId = assetId, Interval = interval, Calendar = calendar.Code };
            db.SeriesQuality.Add(row);
        }
        row.Score = s.Score;
        row.Coverage = s.Coverage;
        row.Sanity = s.Sanity;
        row.Freshness = s.Freshness;
        row.ExpectedBars = expected;
        row.MissingBars = missing;
        row.StoredBars = stored;
        row.SuspectBars = suspect;
        row.OpenFindings = await db.QualityFindings.CountAsync(f => f.AssetId == assetId && f.Interval == interval && f.Status == FindingStatuses.Open, ct);
        row.LastBar = lastBar;
        row.Calendar = calendar.Code;
        row.CheckedAt = now;
        return row;
    }
}
