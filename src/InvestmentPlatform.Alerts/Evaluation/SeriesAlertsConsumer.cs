using InvestmentPlatform.Alerts.Rules;
using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.Alerts.Evaluation;

/// <summary>
/// New bars of a series: evaluates the enabled price, move and volume rules on that asset and interval against the
/// series' new last bar. Only rules of the named series are read; the series itself only for the few bars a move or
/// volume rule compares with.
/// </summary>
public sealed class SeriesAlertsConsumer(PlatformDbContext db, FiringRecorder recorder, SeriesHistory history) : IConsumer<SeriesUpdated>
{
    public async Task Consume(ConsumeContext<SeriesUpdated> context)
    {
        var m = context.Message;
        var ct = context.CancellationToken;
        var rules = await db.AlertRules.AsNoTracking()
            .Where(r => r.AssetId == m.AssetId && r.Interval == m.Interval && r.Enabled && AlertKinds.OnSeries.Contains(r.Kind))
            .Select(r => r.Id).ToListAsync(ct);
        foreach (var id in rules)
        {
            await recorder.EvaluateAsync(id, m.LastBar.Time, async rule =>
            {
                var bars = await history.BeforeAsync(m.AssetId, m.AssetType, m.Interval, RuleEvaluator.HistoryBefore(rule, m.LastBar),
                    RuleEvaluator.HistoryNeeded(rule), ct);
                return RuleEvaluator.Evaluate(rule, m.LastBar, bars);
            }, ct);
        }
    }
}
