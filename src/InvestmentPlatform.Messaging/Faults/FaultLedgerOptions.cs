namespace InvestmentPlatform.Messaging.Faults;

/// <summary>Faulted-message settings (section "Faults").</summary>
public sealed class FaultLedgerOptions
{
    public const string Section = "Faults";

    /// <summary>Wait before a message that faulted on a transient failure is re-driven; doubled at each further fault.</summary>
    public TimeSpan RedriveDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Automatic re-drives of one message; after them it waits for an admin like a permanent fault.</summary>
    public int MaxRedrives { get; set; } = 6;

    /// <summary>How often the re-driver looks for messages that are due.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
}
