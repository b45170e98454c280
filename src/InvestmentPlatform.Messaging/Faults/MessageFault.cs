namespace InvestmentPlatform.Messaging.Faults;

/// <summary>
/// A message a consumer gave up on, kept in place of the transport's _error queue so that both transports keep it
/// alike: transient ones are sent back to their queue once the platform is healthy, permanent ones wait for an admin.
/// </summary>
public class MessageFault
{
    /// <summary>The fault's own id, so a fault delivered twice is kept once.</summary>
    public Guid Id { get; set; }
    public Guid? MessageId { get; set; }
    /// <summary>The message's type as MassTransit names it on the wire (urn:message:…).</summary>
    public required string MessageType { get; set; }
    /// <summary>The receive endpoint (queue) the message faulted on, where a re-drive sends it.</summary>
    public required string Queue { get; set; }
    /// <summary>The message itself, as JSON.</summary>
    public required string Body { get; set; }
    /// <summary><see cref="MessageFaultClasses"/>.</summary>
    public required string ErrorClass { get; set; }
    public required string ExceptionType { get; set; }
    public required string Reason { get; set; }
    public DateTime FaultedAt { get; set; }
    /// <summary>How often the message was re-driven before this fault.</summary>
    public int Redrives { get; set; }
    /// <summary>When the re-driver sends it back on its own; null when only an admin may.</summary>
    public DateTime? RedriveAt { get; set; }
}

public static class MessageFaultClasses
{
    public const string Transient = "transient";
    public const string Permanent = "permanent";
}
