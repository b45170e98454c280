namespace InvestmentPlatform.Messaging.Outbox;

public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    public int PollMilliseconds { get; set; } = 500;
    public int BatchSize { get; set; } = 100;
    public int RetainSentDays { get; set; } = 7;
}
