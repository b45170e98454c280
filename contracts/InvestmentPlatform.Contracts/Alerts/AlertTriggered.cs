namespace InvestmentPlatform.Contracts.Alerts;

/// <summary>
/// v1. An alert rule fired. Published through the outbox in the transaction that stored the firing, so each firing is
/// announced once; delivery on each of <paramref name="Channels"/> starts from it. A rule's test (POST /api/alerts/{id}/test)
/// sends one too, whose firing is not stored and whose message starts "Test of the rule".
/// </summary>
/// <param name="FiringId">The stored firing.</param>
/// <param name="RuleId">The rule that fired.</param>
/// <param name="OwnerId">The rule's owner: the only user told.</param>
/// <param name="RuleName">The rule's name.</param>
/// <param name="Kind">price, move, volume, stale or job.</param>
/// <param name="Symbol">The asset watched, when the rule watches one.</param>
/// <param name="Interval">The series' interval, when the rule watches one.</param>
/// <param name="TriggerTime">The bar (or event) that triggered the firing, UTC.</param>
/// <param name="Value">The value that crossed: price, move in percent, volume multiple, periods missed.</param>
/// <param name="Message">A sentence saying what happened.</param>
/// <param name="Channels">inapp, webhook and/or email.</param>
/// <param name="FiredAt">When the rule fired, UTC.</param>
public record AlertTriggered(
    Guid FiringId,
    Guid RuleId,
    string OwnerId,
    string RuleName,
    string Kind,
    string? Symbol,
    string? Interval,
    DateTime TriggerTime,
    double Value,
    string Message,
    IReadOnlyList<string> Channels,
    DateTime FiredAt);
