namespace InvestmentPlatform.Alerts.Delivery;

/// <summary>How firings and finished reports are delivered outside the platform (section Alerts:Delivery).</summary>
public sealed class DeliveryOptions
{
    public const string Section = "Alerts:Delivery";

    /// <summary>Attempts after the first before a delivery is given up (the message then faults to the error queue).</summary>
    public int Retries { get; set; } = 5;
    /// <summary>Wait before the first retry; each later wait doubles it.</summary>
    public int FirstRetryMilliseconds { get; set; } = 5000;
    public int WebhookTimeoutSeconds { get; set; } = 10;
    /// <summary>A finished report up to this size is attached to its email; a larger one is named with where to download it.</summary>
    public long ReportAttachmentMaxBytes { get; set; } = 10 * 1024 * 1024;
    /// <summary>
    /// Whether webhooks may target loopback, private, link-local or unique-local addresses. Off by default so a rule
    /// cannot aim the platform at its own internals; a self-hosted setup receiving webhooks on its own network turns it on.
    /// </summary>
    public bool AllowPrivateTargets { get; set; }
    /// <summary>
    /// When not empty, the only webhook targets a channel may name: host names ("hooks.example.com", or "*.example.com"
    /// for its subdomains) and networks ("203.0.113.0/24") for addresses written as such. Checked when the channel is
    /// saved; the private-address check above still applies when connecting.
    /// </summary>
    public List<string> AllowedTargets { get; set; } = [];
}
