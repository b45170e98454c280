using InvestmentPlatform.Alerts.Rules;
using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Alerts;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.Alerts.Evaluation;

/// <summary>
/// New bars of a series: evaluates the enabled price, move and volume rules on that asset and interval against the
/// series' new last bar. Only rules of the named series are read, and the series itself once, for the most bars any of
/// them compares with; all of them are stored in one transaction. When that meets another worker's change (a
/// redelivered copy consumed at once), each rule is evaluated again on its own, where the exactly-once checks settle it.
/// </summary>
public sealed class SeriesAlertsConsumer(PlatformDbContext db, FiringRecorder recorder, SeriesHistory history) : IConsumer<SeriesUpdated>
{
    public async Task Consume(ConsumeContext<SeriesUpdated> context)
    {
        var m = context.Message;
        var ct = context.CancellationToken;
        var last = m.LastBar;
        var rules = await db.AlertRules
            .Where(r => r.AssetId == m.AssetId && r.Interval == m.Interval && r.Enabled && AlertKinds.OnSeries.Contains(r.Kind)
                        && (r.LastEvaluatedTime == null || r.LastEvaluatedTime < last.Time))
            .ToListAsync(ct);
        if (rules.Count == 0)
            return;
        try
        {
            var shared = await history.BeforeAsync(m.AssetId, m.AssetType, m.Interval, last.Time,
                rules.Where(r => RuleEvaluator.HistoryBefore(r, last) == last.Time).Select(RuleEvaluator.HistoryNeeded).DefaultIfEmpty(0).Max(), ct);
            var decided = new List<(AlertRule, RuleDecision)>(rules.Count);
            foreach (var rule in rules)
                decided.Add((rule, RuleEvaluator.Evaluate(rule, last, await BarsForAsync(rule, m, shared, ct))));
            await recorder.EvaluateAllAsync(decided, last.Time, ct);
        }
        catch (DbUpdateException)
        {
            foreach (var id in rules.Select(r => r.Id).ToList())
                await recorder.EvaluateAsync(id, last.Time, async rule =>
                    RuleEvaluator.Evaluate(rule, last, await BarsForAsync(rule, m, null, ct)), ct);
        }
    }

    /// <summary>The bars before the last one the rule compares with: from the shared read when it holds them.</summary>
    private async Task<IReadOnlyList<BarPoint>> BarsForAsync(AlertRule rule, SeriesUpdated m, IReadOnlyList<BarPoint>? shared, CancellationToken ct)
    {
        var before = RuleEvaluator.HistoryBefore(rule, m.LastBar);
        var needed = RuleEvaluator.HistoryNeeded(rule);
        return shared is not null && before == m.LastBar.Time
            ? shared.TakeLast(needed).ToList()
            : await history.BeforeAsync(m.AssetId, m.AssetType, m.Interval, before, needed, ct);
    }
}
