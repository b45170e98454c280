namespace InvestmentPlatform.Data.Alerts;

/// <summary>
/// A user's alert rule: what to watch (<see cref="Kind"/> and its parameters), where to say it (<see cref="Channels"/>),
/// and the evaluation state the consumers keep on it (armed, last bar seen, last firing).
/// </summary>
public class AlertRule
{
    public Guid Id { get; set; }
    /// <summary>The user who made it; only they see it and its firings.</summary>
    public required string OwnerId { get; set; }
    public required string Name { get; set; }
    /// <summary>price, move, volume, stale, job or portfolio.</summary>
    public required string Kind { get; set; }
    public bool Enabled { get; set; } = true;
    public int CooldownSeconds { get; set; }
    /// <summary>Comma list of inapp, webhook, email.</summary>
    public string Channels { get; set; } = "inapp";
    /// <summary>The owner's webhook endpoint firings are posted to, when <see cref="Channels"/> has webhook.</summary>
    public Guid? WebhookChannelId { get; set; }
    /// <summary>The owner's email address firings are sent to, when <see cref="Channels"/> has email.</summary>
    public Guid? EmailChannelId { get; set; }

    public long? AssetId { get; set; }
    public string? Symbol { get; set; }
    public string? Interval { get; set; }
    /// <summary>price: above or below; move: up, down or either.</summary>
    public string? Direction { get; set; }
    /// <summary>price: close, high or low; portfolio: drawdown or var.</summary>
    public string? Field { get; set; }
    public double? Level { get; set; }
    public double? Hysteresis { get; set; }
    /// <summary>move: the move in percent; portfolio, drawdown: the drawdown in percent.</summary>
    public double? Percent { get; set; }
    /// <summary>move: bars back (0: since the previous close); volume: bars in the median; stale: expected periods missed.</summary>
    public int? Bars { get; set; }
    /// <summary>volume: K in "volume above K times the median".</summary>
    public double? Multiplier { get; set; }
    /// <summary>job: the job watched.</summary>
    public Guid? JobId { get; set; }
    /// <summary>portfolio: the portfolio watched, one of the owner's.</summary>
    public Guid? PortfolioId { get; set; }
    /// <summary>portfolio, var: the confidence of the one-day historical VaR, e.g. 0.95.</summary>
    public double? Confidence { get; set; }

    /// <summary>price: false after a firing until the price went back past the level by the hysteresis.</summary>
    public bool Armed { get; set; } = true;
    /// <summary>The newest bar (or event time) evaluated; older ones are not evaluated again.</summary>
    public DateTime? LastEvaluatedTime { get; set; }
    public DateTime? LastFiredAt { get; set; }
    public Guid Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>One firing of a rule. (RuleId, TriggerTime) is unique: a bar fires a rule at most once.</summary>
public class AlertFiring
{
    public Guid Id { get; set; }
    public Guid RuleId { get; set; }
    public required string OwnerId { get; set; }
    /// <summary>The bar (or event) that triggered it.</summary>
    public DateTime TriggerTime { get; set; }
    public double Value { get; set; }
    public required string Message { get; set; }
    public DateTime FiredAt { get; set; }
}

/// <summary>An in-app notification in its owner's inbox.</summary>
public class Notification
{
    public Guid Id { get; set; }
    public required string OwnerId { get; set; }
    public Guid? RuleId { get; set; }
    public Guid? FiringId { get; set; }
    public required string Title { get; set; }
    public required string Body { get; set; }
    public string? Link { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }
}

/// <summary>One delivery attempt of a firing, or of a finished report, on a channel, successful or not.</summary>
public class AlertDelivery
{
    public long Id { get; set; }
    /// <summary>The firing's id, or the report's for a report sent to its owner's channels.</summary>
    public Guid FiringId { get; set; }
    public required string Channel { get; set; }
    public int Attempt { get; set; }
    /// <summary>delivered, failed (retried) or refused (not retried).</summary>
    public required string Status { get; set; }
    public int? StatusCode { get; set; }
    public string? Error { get; set; }
    public DateTime At { get; set; }
}

/// <summary>
/// A user's place to send firings and finished reports: a webhook endpoint (address and signing secret) or an email
/// address. Rules and report requests choose one of each kind; one endpoint serves many.
/// </summary>
public class NotificationChannel
{
    public Guid Id { get; set; }
    public required string OwnerId { get; set; }
    public required string Name { get; set; }
    /// <summary><see cref="NotificationChannelKinds.Webhook"/> or <see cref="NotificationChannelKinds.Email"/>.</summary>
    public required string Kind { get; set; }
    public string? Url { get; set; }
    /// <summary>The key the webhook body is signed with (HMAC-SHA256); never shown back.</summary>
    public string? Secret { get; set; }
    public string? Email { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public static class NotificationChannelKinds
{
    public const string Webhook = "webhook";
    public const string Email = "email";
}
