namespace InvestmentPlatform.Messaging.Outbox;

/// <summary>A message written in the same transaction as the state it announces; the relay publishes it.</summary>
public class OutboxMessage
{
    public long Id { get; set; }
    public Guid MessageId { get; set; }
    /// <summary>Full CLR type name of the contract, which is also its wire identity.</summary>
    public required string MessageType { get; set; }
    public required string Body { get; set; }
    public Guid? CorrelationId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SentAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}
