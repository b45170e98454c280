using System.Globalization;
using InvestmentPlatform.Alerts.Rules;
using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Data.Alerts;

namespace InvestmentPlatform.Alerts.Evaluation;

/// <summary>What one evaluation decided: whether the rule fires, on what value, and whether it is armed afterwards.</summary>
public sealed record RuleDecision(bool Fires, double Value, string Message, bool Armed)
{
    public static RuleDecision Quiet(bool armed) => new(false, 0, "", armed);
}

/// <summary>One bar of the series as the move and volume rules need it, oldest first.</summary>
public readonly record struct BarPoint(DateTime Time, double Close, double? Volume);

/// <summary>
/// The rules' semantics, with no storage: price crossings with hysteresis, moves over N bars or since the previous
/// close, volume against the N-bar median. <paramref name="history"/> holds the bars before the last bar, oldest first.
/// </summary>
public static class RuleEvaluator
{
    public static RuleDecision Evaluate(AlertRule rule, SeriesRow last, IReadOnlyList<BarPoint> history) => rule.Kind switch
    {
        AlertKinds.Price => Price(rule, last),
        AlertKinds.Move => Move(rule, last, history),
        AlertKinds.Volume => Volume(rule, last, history),
        _ => RuleDecision.Quiet(rule.Armed),
    };

    /// <summary>How many earlier bars the rule needs read back.</summary>
    public static int HistoryNeeded(AlertRule rule) => rule.Kind switch
    {
        AlertKinds.Move => Math.Max(rule.Bars ?? 0, 1),
        AlertKinds.Volume => rule.Bars ?? 0,
        _ => 0,
    };

    /// <summary>
    /// The bars read back end before this time: before the last bar, or, for a move since the previous close, before
    /// the last bar's UTC day, so the one bar read is the previous day's close whatever the interval.
    /// </summary>
    public static DateTime HistoryBefore(AlertRule rule, SeriesRow last) =>
        rule.Kind == AlertKinds.Move && rule.Bars is 0 or null ? last.Time.Date : last.Time;

    /// <summary>
    /// Fires when the armed rule's value is past the level (at or above for "above", at or below for "below"), then
    /// disarms; re-arms once the value is back past the level by the hysteresis.
    /// </summary>
    private static RuleDecision Price(AlertRule rule, SeriesRow last)
    {
        var value = rule.Field switch { "high" => last.High, "low" => last.Low, _ => last.Close };
        var level = rule.Level!.Value;
        var hysteresis = rule.Hysteresis ?? 0;
        var above = rule.Direction == "above";
        var past = above ? value >= level : value <= level;
        if (rule.Armed && past)
            return new(true, value, $"{rule.Symbol} {rule.Field} {F(value)} crossed {(above ? "above" : "below")} {F(level)}", false);
        var rearmed = above ? value <= level - hysteresis : value >= level + hysteresis;
        return RuleDecision.Quiet(rule.Armed || (rearmed && !past));
    }

    private static RuleDecision Move(AlertRule rule, SeriesRow last, IReadOnlyList<BarPoint> history)
    {
        // Since the previous close, history holds the last bar of an earlier day (see HistoryBefore).
        var back = Math.Max(rule.Bars ?? 0, 1);
        double? baseClose = history.Count >= back ? history[^back].Close : null;
        if (baseClose is not { } from || from == 0)
            return RuleDecision.Quiet(rule.Armed);
        var percent = (last.Close / from - 1) * 100;
        var threshold = rule.Percent!.Value;
        var fires = rule.Direction switch
        {
            "up" => percent >= threshold,
            "down" => percent <= -threshold,
            _ => Math.Abs(percent) >= threshold,
        };
        var span = rule.Bars is 0 or null ? "since the previous close" : $"over {rule.Bars} bars";
        return fires ? new(true, percent, $"{rule.Symbol} moved {F(percent)}% {span}", rule.Armed) : RuleDecision.Quiet(rule.Armed);
    }

    private static RuleDecision Volume(AlertRule rule, SeriesRow last, IReadOnlyList<BarPoint> history)
    {
        var volumes = history.TakeLast(rule.Bars!.Value).Select(b => b.Volume).OfType<double>().Order().ToList();
        if (last.Volume is not { } volume || volumes.Count < rule.Bars.Value)
            return RuleDecision.Quiet(rule.Armed);
        var median = volumes.Count % 2 == 1 ? volumes[volumes.Count / 2] : (volumes[volumes.Count / 2 - 1] + volumes[volumes.Count / 2]) / 2;
        if (median <= 0)
            return RuleDecision.Quiet(rule.Armed);
        var multiple = volume / median;
        return multiple > rule.Multiplier!.Value
            ? new(true, multiple, $"{rule.Symbol} volume {F(volume)} is {F(multiple)}x its {rule.Bars}-bar median", rule.Armed)
            : RuleDecision.Quiet(rule.Armed);
    }

    private static string F(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
