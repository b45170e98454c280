namespace InvestmentPlatform.Alerts.Channels;

/// <summary>A webhook endpoint or an email address as written by its owner; see docs/api/alerts.md.</summary>
public sealed record NotificationChannelInput(string? Name, string? Kind, string? Url, string? Secret, string? Email);

/// <summary>A channel as shown to its owner: the webhook secret is never shown back, only whether one is set.</summary>
public sealed record NotificationChannelDto(Guid Id, string Name, string Kind, string? Url, bool HasSecret, string? Email, int Rules,
    DateTime CreatedAt, DateTime UpdatedAt, ChannelHealthDto Health);

/// <summary>
/// How the channel's latest delivery went: unused (nothing sent yet), ok (delivered), retrying (failed, the bus tries
/// again) or failing (given up after the retries and dead-lettered, or refused); with that attempt's time and error.
/// </summary>
public sealed record ChannelHealthDto(string Status, DateTime? LastAttemptAt, int? StatusCode, string? Error);

/// <summary>What a test message to a channel met: delivered, failed (the receiver or server said no) or refused (not allowed).</summary>
public sealed record ChannelTestDto(string Status, int? StatusCode, string? Error);
