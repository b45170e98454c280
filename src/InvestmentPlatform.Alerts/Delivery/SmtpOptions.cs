namespace InvestmentPlatform.Alerts.Delivery;

/// <summary>The SMTP server email firings are sent through (section Alerts:Smtp). Without a host, email deliveries are refused.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Alerts:Smtp";

    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    /// <summary>The sender address, e.g. "Investment Platform &lt;alerts@example.com&gt;".</summary>
    public string From { get; set; } = "alerts@localhost";
    /// <summary>Sign in with these when set; left empty for a relay that needs no sign-in.</summary>
    public string? Username { get; set; }
    public string? Password { get; set; }
    /// <summary>Upgrade the connection with STARTTLS (required when on); off sends in the clear, for a local relay.
    /// Port 465 always uses TLS from the start.</summary>
    public bool StartTls { get; set; } = true;
    public int TimeoutSeconds { get; set; } = 30;
}
