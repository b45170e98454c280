using System.Globalization;
using InvestmentPlatform.Alerts.Rules;
using InvestmentPlatform.Analytics;
using InvestmentPlatform.Analytics.Metrics;
using InvestmentPlatform.Analytics.Portfolio;
using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Alerts;
using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.Alerts.Evaluation;

/// <summary>
/// Portfolio rules, checked with the stale-data rules by <see cref="AlertChecksJob"/>: the portfolio is valued by the
/// analytics engine (<see cref="PortfolioAnalyticsService"/>), and the rule looks at its newest valuation day, which is
/// the trigger time, so a day is evaluated once and a later price makes the next day.
/// </summary>
public sealed class PortfolioRuleCheck(PlatformDbContext db, FiringRecorder recorder, PortfolioAnalyticsService analytics, TimeProvider time) : IAlertCheck
{
    /// <summary>Daily returns before the day tested that a VaR needs at least.</summary>
    public const int MinVarHistory = 2;

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var rules = await db.AlertRules.AsNoTracking().Where(r => r.Kind == AlertKinds.Portfolio && r.Enabled)
            .Select(r => new { r.Id, r.PortfolioId, r.Confidence }).ToListAsync(ct);
        var fired = 0;
        foreach (var r in rules)
        {
            PortfolioAnalyticsReport report;
            try
            {
                report = await analytics.ComputeAsync(r.PortfolioId!.Value, null, now, null, r.Confidence ?? 0.95, ct);
            }
            catch (AnalyticsException)
            {
                continue; // no transactions or prices yet, or the portfolio is gone: nothing to evaluate
            }
            var returns = PortfolioReturns.FromPoints(report.Value).Select(p => p.Return).ToArray();
            if (await recorder.EvaluateAsync(r.Id, report.Value[^1].Time.Date, rule => Task.FromResult(Evaluate(rule, returns)), ct))
                fired++;
        }
        return fired;
    }

    /// <summary>
    /// drawdown: fires when the wealth curve of <paramref name="returns"/> ends more than percent below its running peak,
    /// then waits until it is back within it. var: fires when the last day's loss exceeds the one-day historical VaR of
    /// the days before it. Null when there are too few returns to tell.
    /// </summary>
    public static RuleDecision? Evaluate(AlertRule rule, double[] returns)
    {
        if (rule.Field == AlertKinds.Drawdown)
        {
            if (returns.Length == 0)
                return null;
            var depth = Drawdown.Underwater(Drawdown.WealthCurve(returns))[^1] * 100;
            var past = depth <= -rule.Percent!.Value;
            return rule.Armed && past
                ? new(true, depth, $"Portfolio drawdown {F(depth)}% is beyond -{F(rule.Percent.Value)}%", false)
                : RuleDecision.Quiet(rule.Armed || !past);
        }
        if (returns.Length < MinVarHistory + 1)
            return null;
        var confidence = rule.Confidence ?? 0.95;
        var var = ValueAtRisk.Historical(returns.AsSpan(0, returns.Length - 1), confidence) * 100;
        var loss = -returns[^1] * 100;
        return loss > var
            ? new(true, loss, $"Portfolio lost {F(loss)}% in a day, beyond its one-day {F(confidence * 100)}% historical VaR of {F(var)}%", true)
            : RuleDecision.Quiet(true);
    }

    private static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
