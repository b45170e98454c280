namespace InvestmentPlatform.Data.Trading;

/// <summary>
/// A paper order's current state. Every change is one SaveChanges checked against <see cref="Version"/>, with an
/// event row per transition and its outbox message, so two workers or a redelivered bar cannot move it twice.
/// </summary>
public class PaperOrder
{
    public Guid Id { get; set; }
    public Guid AccountId { get; set; }
    /// <summary>The caller's id; unique per account, so a retried submission finds the first one.</summary>
    public string? ClientOrderId { get; set; }
    /// <summary>SHA-256 of the submitted body, to tell a retry (same body) from a conflicting reuse of the id.</summary>
    public required string RequestHash { get; set; }
    public long? AssetId { get; set; }
    public required string Symbol { get; set; }
    public required string Side { get; set; }
    public required string Type { get; set; }
    public double Quantity { get; set; }
    public double? LimitPrice { get; set; }
    public double? StopPrice { get; set; }
    public required string TimeInForce { get; set; }
    public required string Status { get; set; }
    /// <summary>The check that rejected it (buying_power, max_position...), null otherwise.</summary>
    public string? RejectCheck { get; set; }
    public string? RejectReason { get; set; }
    public double FilledQuantity { get; set; }
    public double AverageFillPrice { get; set; }
    public double FeesPaid { get; set; }
    /// <summary>A stop or stop-limit order whose stop price was reached.</summary>
    public bool StopTriggered { get; set; }
    /// <summary>Bars after this time can fill the order: the last bar it has seen (at submission, the latest stored bar).</summary>
    public DateTime? LastBarTime { get; set; }
    /// <summary>End of the session a day order lives in; null for good-till-cancelled.</summary>
    public DateTime? ExpiresAt { get; set; }
    public DateTime SubmittedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>Event rows written so far: the next one's sequence number minus one.</summary>
    public int Events { get; set; }
    public int Version { get; set; }
}
