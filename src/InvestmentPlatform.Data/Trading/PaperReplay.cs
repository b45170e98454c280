namespace InvestmentPlatform.Data.Trading;

/// <summary>
/// A replay asked for on the bus: timestamped orders worked by the fill model over stored bars of a date range, apart
/// from the account's own orders and positions. The request and the result are JSON.
/// </summary>
public class PaperReplay
{
    public Guid Id { get; set; }
    public Guid AccountId { get; set; }
    public required string OwnerId { get; set; }
    /// <summary>queued, running, succeeded or failed.</summary>
    public required string Status { get; set; }
    public required string Request { get; set; }
    public string? Result { get; set; }
    public string? Error { get; set; }
    /// <summary>Bar times worked so far, of <see cref="Total"/>.</summary>
    public int Done { get; set; }
    public int Total { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
}
