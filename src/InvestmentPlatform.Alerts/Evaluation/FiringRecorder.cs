using InvestmentPlatform.Alerts.Rules;
using InvestmentPlatform.Contracts.Alerts;
using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Alerts;
using InvestmentPlatform.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.Alerts.Evaluation;

/// <summary>
/// Evaluates one rule for one trigger (a bar, a period, a run) and stores what it decided in one transaction: the
/// rule's state, and when it fires the firing, the in-app notification and AlertTriggered in the outbox.
/// Exactly once: a trigger already evaluated is skipped, two workers racing on the rule meet its concurrency token,
/// and two racing on the same trigger meet the unique (rule, trigger time) key; the loser fires nothing.
/// </summary>
public sealed class FiringRecorder(PlatformDbContext db, TimeProvider time)
{
    private const int ConflictAttempts = 5;

    /// <summary>
    /// <paramref name="decide"/> sees the rule as stored now and returns null when there is nothing to evaluate.
    /// </summary>
    /// <returns>Whether the rule fired.</returns>
    public async Task<bool> EvaluateAsync(Guid ruleId, DateTime triggerTime, Func<AlertRule, Task<RuleDecision?>> decide, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var rule = await db.AlertRules.FirstOrDefaultAsync(r => r.Id == ruleId, ct);
            // An older or the same trigger again (a redelivery, a backfill) was evaluated already.
            if (rule is null || !rule.Enabled || rule.LastEvaluatedTime >= triggerTime)
                return false;
            if (await decide(rule) is not { } decision)
                return false;

            var fires = Apply(rule, decision, triggerTime, time.GetUtcNow().UtcDateTime);
            try
            {
                await db.SaveChangesAsync(ct);
                return fires;
            }
            catch (DbUpdateConcurrencyException) when (attempt < ConflictAttempts)
            {
                // Another worker changed the rule first: look again; it has most likely evaluated this trigger.
            }
            catch (DbUpdateException) when (fires && attempt < ConflictAttempts)
            {
                // Another worker stored this firing first (the unique key): the next look finds the trigger evaluated.
                if (await FiredAsync(ruleId, triggerTime, ct))
                    return false;
                throw;
            }
        }
    }

    /// <summary>
    /// Stores what was decided for several tracked rules on one trigger in one transaction: a new bar's rules cost no
    /// round trip each. The rules must be enabled and not have evaluated the trigger yet. When another worker changed one
    /// of them meanwhile, this throws <see cref="DbUpdateException"/> and nothing is kept: evaluate them one by one then.
    /// A rule the trigger leaves as it was (quiet, armed as before) is not written at all, the common case of a load:
    /// seeing the same bar again decides the same, and a firing is still kept to one per bar by the unique key.
    /// </summary>
    /// <returns>How many fired.</returns>
    public async Task<int> EvaluateAllAsync(IReadOnlyList<(AlertRule Rule, RuleDecision Decision)> decided, DateTime triggerTime, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var changed = decided.Where(d => d.Decision.Fires || d.Decision.Armed != d.Rule.Armed).ToList();
        if (changed.Count == 0)
            return 0;
        var fired = changed.Count(d => Apply(d.Rule, d.Decision, triggerTime, now));
        await db.SaveChangesAsync(ct);
        return fired;
    }

    /// <summary>Moves the rule's state by the decision, and records the firing when it fires (not yet saved).</summary>
    private bool Apply(AlertRule rule, RuleDecision decision, DateTime triggerTime, DateTime now)
    {
        var cooling = rule.LastFiredAt is { } lastFired && now < lastFired.AddSeconds(rule.CooldownSeconds);
        var fires = decision.Fires && !cooling;
        // A firing held back by the cooldown leaves the rule armed, so it fires on the next bar past the level.
        rule.Armed = fires || !decision.Fires ? decision.Armed : rule.Armed;
        rule.LastEvaluatedTime = triggerTime;
        rule.Version = Guid.NewGuid();
        if (fires)
        {
            rule.LastFiredAt = now;
            Record(rule, decision, triggerTime, now);
        }
        return fires;
    }

    private void Record(AlertRule rule, RuleDecision decision, DateTime triggerTime, DateTime now)
    {
        var firing = new AlertFiring
        {
            Id = Guid.CreateVersion7(), RuleId = rule.Id, OwnerId = rule.OwnerId, TriggerTime = triggerTime, Value = decision.Value,
            Message = decision.Message, FiredAt = now,
        };
        db.AlertFirings.Add(firing);
        var channels = rule.Channels.Split(',', StringSplitOptions.RemoveEmptyEntries);
        if (channels.Contains(AlertKinds.InApp))
        {
            // The inbox row is part of the firing, so the live push that follows always finds it.
            db.Notifications.Add(new Notification
            {
                Id = Guid.CreateVersion7(), OwnerId = rule.OwnerId, RuleId = rule.Id, FiringId = firing.Id, Title = rule.Name,
                Body = decision.Message, Link = LinkOf(rule), CreatedAt = now,
            });
            db.AlertDeliveries.Add(new AlertDelivery { FiringId = firing.Id, Channel = AlertKinds.InApp, Attempt = 1, Status = "delivered", At = now });
        }
        db.EnqueuePublish(new AlertTriggered(firing.Id, rule.Id, rule.OwnerId, rule.Name, rule.Kind, rule.Symbol, rule.Interval, triggerTime,
            decision.Value, decision.Message, channels, now));
    }

    /// <summary>The dashboard page of what the rule watches.</summary>
    public static string? LinkOf(AlertRule rule) =>
        rule.Symbol is not null ? $"/assets/{Uri.EscapeDataString(rule.Symbol)}"
        : rule.JobId is not null ? "/scheduler"
        : rule.PortfolioId is not null ? "/portfolio"
        : "/alerts";

    private async Task<bool> FiredAsync(Guid ruleId, DateTime triggerTime, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        return await db.AlertFirings.AnyAsync(f => f.RuleId == ruleId && f.TriggerTime == triggerTime, ct);
    }
}
