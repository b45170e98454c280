namespace InvestmentPlatform.Alerts.Rules;

/// <summary>
/// A rule as written by its owner. Which fields apply depends on <see cref="Kind"/>; see docs/api/alerts.md. Its webhook
/// and email are one of the owner's channels (<see cref="WebhookChannelId"/>, <see cref="EmailChannelId"/>), or written
/// inline (<see cref="WebhookUrl"/> and secret, <see cref="Email"/>) as before channels existed: the owner's matching
/// channel is then used, or added.
/// </summary>
public sealed record AlertRuleInput(
    string? Name,
    string? Kind,
    bool? Enabled,
    int? CooldownSeconds,
    IReadOnlyList<string>? Channels,
    string? Symbol,
    string? Interval,
    string? Direction,
    string? Field,
    double? Level,
    double? Hysteresis,
    double? Percent,
    int? Bars,
    double? Multiplier,
    Guid? JobId,
    string? WebhookUrl,
    string? WebhookSecret,
    string? Email,
    Guid? PortfolioId = null,
    double? Confidence = null,
    Guid? WebhookChannelId = null,
    Guid? EmailChannelId = null);

/// <summary>
/// A rule as shown to its owner, with the address of its webhook and email channels; the webhook secret is never shown
/// back, only whether one is set.
/// </summary>
public sealed record AlertRuleDto(
    Guid Id,
    string Name,
    string Kind,
    bool Enabled,
    int CooldownSeconds,
    IReadOnlyList<string> Channels,
    string? Symbol,
    string? Interval,
    string? Direction,
    string? Field,
    double? Level,
    double? Hysteresis,
    double? Percent,
    int? Bars,
    double? Multiplier,
    Guid? JobId,
    string? WebhookUrl,
    bool HasWebhookSecret,
    string? Email,
    bool Armed,
    DateTime? LastFiredAt,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    Guid? PortfolioId,
    double? Confidence,
    Guid? WebhookChannelId,
    Guid? EmailChannelId);

/// <summary>One firing of a rule.</summary>
public sealed record AlertFiringDto(Guid Id, Guid RuleId, DateTime TriggerTime, double Value, string Message, DateTime FiredAt);

/// <summary>One delivery attempt of a firing on a channel: delivered, failed (retried) or refused (not allowed, not retried).</summary>
public sealed record AlertDeliveryDto(Guid FiringId, string Channel, int Attempt, string Status, int? StatusCode, string? Error, DateTime At);
