namespace InvestmentPlatform.Data.Trading;

/// <summary>
/// One transition of a paper order: the audit trail. Rows are only ever inserted; a database trigger refuses any
/// update or delete.
/// </summary>
public class PaperOrderEvent
{
    public long Id { get; set; }
    public Guid OrderId { get; set; }
    /// <summary>1, 2, 3... per order; unique, so one transition is never written twice.</summary>
    public int Sequence { get; set; }
    /// <summary>submitted, accepted, rejected, partially_filled, filled, cancelled or expired.</summary>
    public required string Type { get; set; }
    public string? FromStatus { get; set; }
    public required string ToStatus { get; set; }
    public string? Reason { get; set; }
    public double? FillPrice { get; set; }
    public double? FillQuantity { get; set; }
    public double? Fee { get; set; }
    public DateTime? BarTime { get; set; }
    public DateTime Time { get; set; }
}
