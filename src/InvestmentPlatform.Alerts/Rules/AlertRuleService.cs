using InvestmentPlatform.Alerts.Channels;
using InvestmentPlatform.Contracts.Alerts;
using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Alerts;
using InvestmentPlatform.Data.Assets;
using InvestmentPlatform.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.Alerts.Rules;

/// <summary>
/// Rules of one owner: another user's rule is looked up as if it did not exist, so its existence does not leak.
/// Every write is validated whole before anything is stored.
/// </summary>
public sealed class AlertRuleService(PlatformDbContext db, NotificationChannelService channelsOf, TimeProvider time)
{
    public const int MaxNameLength = 200;
    public const int MaxCooldownSeconds = 30 * 24 * 3600;
    public const int MaxBars = 1000;
    public const int MaxRulesPerOwner = 1000;

    public async Task<(IReadOnlyList<AlertRuleDto> Items, int Total)> ListAsync(string owner, int skip, int take, CancellationToken ct)
    {
        var query = db.AlertRules.AsNoTracking().Where(r => r.OwnerId == owner);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(r => r.Name).ThenBy(r => r.Id).Skip(skip).Take(take).ToListAsync(ct);
        var channels = await ChannelsOfAsync(rows, ct);
        return (rows.Select(r => ToDto(r, channels)).ToList(), total);
    }

    public async Task<AlertRuleDto> GetAsync(Guid id, string owner, CancellationToken ct) => await DtoAsync(await FindAsync(id, owner, tracked: false, ct), ct);

    private async Task<AlertRuleDto> DtoAsync(AlertRule rule, CancellationToken ct) => ToDto(rule, await ChannelsOfAsync([rule], ct));

    /// <summary>The webhook and email channels of <paramref name="rules"/>, by id.</summary>
    private async Task<IReadOnlyDictionary<Guid, NotificationChannel>> ChannelsOfAsync(IReadOnlyList<AlertRule> rules, CancellationToken ct)
    {
        var ids = rules.SelectMany(r => new[] { r.WebhookChannelId, r.EmailChannelId }).OfType<Guid>().Distinct().ToList();
        if (ids.Count == 0)
            return new Dictionary<Guid, NotificationChannel>();
        var local = db.NotificationChannels.Local.Where(c => ids.Contains(c.Id)).ToDictionary(c => c.Id);
        var missing = ids.Where(id => !local.ContainsKey(id)).ToList();
        foreach (var c in await db.NotificationChannels.AsNoTracking().Where(c => missing.Contains(c.Id)).ToListAsync(ct))
            local[c.Id] = c;
        return local;
    }

    public async Task<AlertRuleDto> CreateAsync(AlertRuleInput input, string owner, CancellationToken ct)
    {
        if (await db.AlertRules.CountAsync(r => r.OwnerId == owner, ct) >= MaxRulesPerOwner)
            throw AlertsException.Unprocessable("name", $"A user may keep at most {MaxRulesPerOwner} rules.");
        var now = time.GetUtcNow().UtcDateTime;
        var rule = new AlertRule { Id = Guid.CreateVersion7(), OwnerId = owner, Name = "", Kind = "", CreatedAt = now };
        await ApplyAsync(rule, input, ct);
        rule.UpdatedAt = now;
        rule.Version = Guid.NewGuid();
        db.AlertRules.Add(rule);
        await db.SaveChangesAsync(ct);
        return await DtoAsync(rule, ct);
    }

    public async Task<AlertRuleDto> UpdateAsync(Guid id, string owner, AlertRuleInput input, CancellationToken ct)
    {
        var rule = await FindAsync(id, owner, tracked: true, ct);
        var watched = (rule.Kind, rule.AssetId, rule.Interval, rule.Direction, rule.Field, rule.Level, rule.PortfolioId);
        await ApplyAsync(rule, input, ct);
        // A rule that now watches something else starts afresh: armed, nothing evaluated yet.
        if (watched != (rule.Kind, rule.AssetId, rule.Interval, rule.Direction, rule.Field, rule.Level, rule.PortfolioId))
        {
            rule.Armed = true;
            rule.LastEvaluatedTime = null;
        }
        rule.UpdatedAt = time.GetUtcNow().UtcDateTime;
        rule.Version = Guid.NewGuid();
        await db.SaveChangesAsync(ct);
        return await DtoAsync(rule, ct);
    }

    public async Task DeleteAsync(Guid id, string owner, CancellationToken ct)
    {
        var rule = await FindAsync(id, owner, tracked: true, ct);
        db.AlertRules.Remove(rule);
        await db.SaveChangesAsync(ct);
    }

    public async Task<(IReadOnlyList<AlertFiringDto> Items, int Total)> FiringsAsync(Guid id, string owner, int skip, int take, CancellationToken ct)
    {
        await FindAsync(id, owner, tracked: false, ct);
        var query = db.AlertFirings.AsNoTracking().Where(f => f.RuleId == id);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(f => f.TriggerTime).Skip(skip).Take(take)
            .Select(f => new AlertFiringDto(f.Id, f.RuleId, f.TriggerTime, f.Value, f.Message, f.FiredAt)).ToListAsync(ct);
        return (rows, total);
    }

    /// <summary>
    /// Announces a test firing of the rule on its channels, so its owner can see how a firing reaches them. Nothing of
    /// the rule changes and no firing or notification is stored: only the AlertTriggered message, through the outbox.
    /// </summary>
    /// <returns>The test firing's id, which the message and each channel's delivery carry.</returns>
    public async Task<Guid> TestAsync(Guid id, string owner, CancellationToken ct)
    {
        var rule = await FindAsync(id, owner, tracked: false, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var firing = Guid.CreateVersion7();
        var value = rule.Level ?? rule.Percent ?? rule.Multiplier ?? rule.Bars ?? 0;
        db.EnqueuePublish(new AlertTriggered(firing, rule.Id, rule.OwnerId, rule.Name, rule.Kind, rule.Symbol, rule.Interval, now, value,
            $"Test of the rule \"{rule.Name}\": it did not fire; this shows how its firings reach you.",
            rule.Channels.Split(',', StringSplitOptions.RemoveEmptyEntries), now), firing);
        await db.SaveChangesAsync(ct);
        return firing;
    }

    /// <summary>Every delivery attempt of the rule's firings, newest first.</summary>
    public async Task<IReadOnlyList<AlertDeliveryDto>> DeliveriesAsync(Guid id, string owner, int take, CancellationToken ct)
    {
        await FindAsync(id, owner, tracked: false, ct);
        return await (from d in db.AlertDeliveries.AsNoTracking()
                      join f in db.AlertFirings.AsNoTracking() on d.FiringId equals f.Id
                      where f.RuleId == id
                      orderby d.Id descending
                      select new AlertDeliveryDto(d.FiringId, d.Channel, d.Attempt, d.Status, d.StatusCode, d.Error, d.At)).Take(take).ToListAsync(ct);
    }

    private async Task<AlertRule> FindAsync(Guid id, string owner, bool tracked, CancellationToken ct)
    {
        var query = tracked ? db.AlertRules : db.AlertRules.AsNoTracking();
        return await query.FirstOrDefaultAsync(r => r.Id == id && r.OwnerId == owner, ct)
               ?? throw AlertsException.NotFound($"Alert rule {id}");
    }

    /// <summary>Checks the whole input, then copies it onto <paramref name="rule"/>; nothing is copied when any check fails.</summary>
    private async Task ApplyAsync(AlertRule rule, AlertRuleInput input, CancellationToken ct)
    {
        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength)
            throw AlertsException.Unprocessable("name", $"name is required, at most {MaxNameLength} characters.");
        var kind = input.Kind?.Trim().ToLowerInvariant();
        if (kind is null || !AlertKinds.All.Contains(kind))
            throw AlertsException.Unprocessable("kind", $"kind must be one of {string.Join(", ", AlertKinds.All)}.");
        if (input.CooldownSeconds is < 0 or > MaxCooldownSeconds)
            throw AlertsException.Unprocessable("cooldownSeconds", $"cooldownSeconds must be between 0 and {MaxCooldownSeconds}.");
        var channels = (input.Channels ?? [AlertKinds.InApp]).Select(c => c?.Trim().ToLowerInvariant() ?? "").Distinct().ToList();
        if (channels.Count == 0 || channels.Any(c => !AlertKinds.Channels.Contains(c)))
            throw AlertsException.Unprocessable("channels", $"channels must be a non-empty list of {string.Join(", ", AlertKinds.Channels)}.");
        // A channel added for an inline webhook or email is saved with the rule, or not at all when a later check fails.
        NotificationChannel? webhook = null, email = null;
        if (channels.Contains(AlertKinds.Webhook))
            webhook = input.WebhookChannelId is { } hook
                ? await channelsOf.OwnedAsync(hook, rule.OwnerId, AlertKinds.Webhook, "webhookChannelId", ct)
                : await channelsOf.WebhookForAsync(rule.OwnerId, input.WebhookUrl, input.WebhookSecret, rule.WebhookChannelId, ct);
        if (channels.Contains(AlertKinds.Email))
            email = input.EmailChannelId is { } mail
                ? await channelsOf.OwnedAsync(mail, rule.OwnerId, AlertKinds.Email, "emailChannelId", ct)
                : await channelsOf.EmailForAsync(rule.OwnerId, input.Email, ct);

        Asset? asset = null;
        if (AlertKinds.OnSeries.Contains(kind) || kind == AlertKinds.Stale)
            asset = await ValidSeriesAsync(input, ct);
        if (kind == AlertKinds.Job)
        {
            if (input.JobId is not { } job || !await db.SchedulerJobs.AnyAsync(j => j.Id == job && (j.OwnerId == rule.OwnerId || j.OwnerId == null), ct))
                throw AlertsException.Unprocessable("jobId", "jobId must name one of your scheduler jobs.");
        }
        if (kind == AlertKinds.Portfolio)
        {
            // The portfolio's owner is the rule's owner: a rule cannot watch what its owner may not see.
            if (input.PortfolioId is not { } portfolio || !await db.Portfolios.AnyAsync(p => p.Id == portfolio && p.OwnerId == rule.OwnerId, ct))
                throw AlertsException.Unprocessable("portfolioId", "portfolioId must name one of your portfolios.");
        }
        switch (kind)
        {
            case AlertKinds.Price:
                OneOf("direction", input.Direction, AlertKinds.PriceDirections);
                OneOf("field", input.Field ?? "close", AlertKinds.PriceFields);
                Finite("level", input.Level, positive: false);
                if (input.Hysteresis is { } h && (!double.IsFinite(h) || h < 0))
                    throw AlertsException.Unprocessable("hysteresis", "hysteresis must be a finite number of 0 or more.");
                break;
            case AlertKinds.Move:
                OneOf("direction", input.Direction ?? "either", AlertKinds.MoveDirections);
                Finite("percent", input.Percent, positive: true);
                Bars(input.Bars, min: 0);
                break;
            case AlertKinds.Volume:
                Finite("multiplier", input.Multiplier, positive: true);
                Bars(input.Bars, min: 1);
                break;
            case AlertKinds.Stale:
                Bars(input.Bars, min: 1);
                break;
            case AlertKinds.Portfolio:
                OneOf("field", input.Field, AlertKinds.PortfolioMeasures);
                if (input.Field!.Trim().ToLowerInvariant() == AlertKinds.Drawdown)
                {
                    if (input.Percent is not { } x || !double.IsFinite(x) || x <= 0 || x >= 100)
                        throw AlertsException.Unprocessable("percent", "percent must be a drawdown between 0 and 100, for example 10.");
                }
                else if (input.Confidence is { } c && (!double.IsFinite(c) || c < 0.5 || c >= 1))
                    throw AlertsException.Unprocessable("confidence", "confidence must be at least 0.5 and below 1, for example 0.95.");
                break;
        }

        rule.Name = name;
        rule.Kind = kind;
        rule.Enabled = input.Enabled ?? true;
        rule.CooldownSeconds = input.CooldownSeconds ?? 0;
        rule.Channels = string.Join(",", channels);
        rule.WebhookChannelId = webhook?.Id;
        rule.EmailChannelId = email?.Id;
        rule.AssetId = asset?.AssetId;
        rule.Symbol = asset?.Symbol;
        rule.Interval = asset is null ? null : input.Interval!.Trim();
        rule.Direction = kind switch
        {
            AlertKinds.Price => input.Direction!.Trim().ToLowerInvariant(),
            AlertKinds.Move => (input.Direction ?? "either").Trim().ToLowerInvariant(),
            _ => null,
        };
        rule.Field = kind switch
        {
            AlertKinds.Price => (input.Field ?? "close").Trim().ToLowerInvariant(),
            AlertKinds.Portfolio => input.Field!.Trim().ToLowerInvariant(),
            _ => null,
        };
        rule.Level = kind == AlertKinds.Price ? input.Level : null;
        rule.Hysteresis = kind == AlertKinds.Price ? input.Hysteresis ?? 0 : null;
        rule.Percent = kind == AlertKinds.Move || rule.Field == AlertKinds.Drawdown ? input.Percent : null;
        rule.Bars = kind is AlertKinds.Move or AlertKinds.Volume or AlertKinds.Stale ? input.Bars : null;
        rule.Multiplier = kind == AlertKinds.Volume ? input.Multiplier : null;
        rule.JobId = kind == AlertKinds.Job ? input.JobId : null;
        rule.PortfolioId = kind == AlertKinds.Portfolio ? input.PortfolioId : null;
        rule.Confidence = rule.Field == AlertKinds.ValueAtRisk ? input.Confidence ?? 0.95 : null;
    }

    private async Task<Asset> ValidSeriesAsync(AlertRuleInput input, CancellationToken ct)
    {
        var symbol = input.Symbol?.Trim();
        if (string.IsNullOrEmpty(symbol))
            throw AlertsException.Unprocessable("symbol", "symbol is required for this kind of rule.");
        var asset = await db.Assets.AsNoTracking().FirstOrDefaultAsync(a => a.Symbol == symbol, ct)
                    ?? throw AlertsException.Unprocessable("symbol", $"Unknown symbol '{Shorten(symbol)}'.");
        var interval = input.Interval?.Trim();
        if (interval is null || !BarIntervals.All.Contains(interval))
            throw AlertsException.Unprocessable("interval", $"interval must be one of {string.Join(", ", BarIntervals.All)}.");
        return asset;
    }

    private static void OneOf(string field, string? value, string[] allowed)
    {
        if (value is null || !allowed.Contains(value.Trim().ToLowerInvariant()))
            throw AlertsException.Unprocessable(field, $"{field} must be one of {string.Join(", ", allowed)}.");
    }

    private static void Finite(string field, double? value, bool positive)
    {
        if (value is not { } v || !double.IsFinite(v) || (positive && v <= 0))
            throw AlertsException.Unprocessable(field, positive ? $"{field} must be a finite number above 0." : $"{field} must be a finite number.");
    }

    private static void Bars(int? bars, int min)
    {
        if (bars is not { } b || b < min || b > MaxBars)
            throw AlertsException.Unprocessable("bars", $"bars must be between {min} and {MaxBars}.");
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";

    private static AlertRuleDto ToDto(AlertRule r, IReadOnlyDictionary<Guid, NotificationChannel> channels)
    {
        var webhook = r.WebhookChannelId is { } w ? channels.GetValueOrDefault(w) : null;
        var email = r.EmailChannelId is { } e ? channels.GetValueOrDefault(e) : null;
        return new(r.Id, r.Name, r.Kind, r.Enabled, r.CooldownSeconds, r.Channels.Split(',', StringSplitOptions.RemoveEmptyEntries),
            r.Symbol, r.Interval, r.Direction, r.Field, r.Level, r.Hysteresis, r.Percent, r.Bars, r.Multiplier, r.JobId,
            webhook?.Url, webhook?.Secret is not null, email?.Email, r.Armed, r.LastFiredAt, r.CreatedAt, r.UpdatedAt, r.PortfolioId, r.Confidence,
            r.WebhookChannelId, r.EmailChannelId);
    }
}
