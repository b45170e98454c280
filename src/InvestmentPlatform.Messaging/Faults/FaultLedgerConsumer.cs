using System.Text.Json;
using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Messaging.Resilience;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InvestmentPlatform.Messaging.Faults;

/// <summary>
/// Keeps every message a consumer gave up on, from the Fault event MassTransit publishes for it, with its queue, its
/// reason and its class: a transient one gets a time to be re-driven, a permanent one waits for an admin.
/// </summary>
public sealed class FaultLedgerConsumer(DbContext db, IOptions<FaultLedgerOptions> options, TimeProvider clock) : IConsumer<Fault>
{
    /// <summary>Header a re-driven message carries: how often it has been re-driven. MassTransit copies it onto its Fault.</summary>
    public const string RedrivesHeader = "Platform-Redrives";

    // The ingestion coordinator settles these faults on the chunk itself (back to pending, or failed with the reason
    // on the request); sending the message again as well would collect the chunk twice.
    private static readonly string[] SettledOnTheChunk =
        [MessageUrn.ForTypeString<CollectChunk>(), MessageUrn.ForTypeString<DataCollected>()];

    public async Task Consume(ConsumeContext<Fault> context)
    {
        var fault = context.Message;
        var type = fault.FaultMessageTypes?.FirstOrDefault();
        var queue = context.SourceAddress?.Segments.LastOrDefault()?.Trim('/');
        if (type is null || string.IsNullOrEmpty(queue) || SettledOnTheChunk.Contains(type))
            return;
        var ct = context.CancellationToken;
        if (await db.Set<MessageFault>().AnyAsync(f => f.Id == fault.FaultId, ct))
            return;

        var error = fault.Exceptions?.FirstOrDefault();
        var transient = TransientFailure.IsTransient(error);
        var redrives = context.Headers.Get<int>(RedrivesHeader) ?? 0;
        var now = clock.GetUtcNow().UtcDateTime;
        var o = options.Value;
        var errorClass = transient ? MessageFaultClasses.Transient : MessageFaultClasses.Permanent;
        db.Set<MessageFault>().Add(new MessageFault
        {
            Id = fault.FaultId,
            MessageId = fault.FaultedMessageId,
            MessageType = type,
            Queue = queue,
            Body = OriginalMessage(context),
            ErrorClass = errorClass,
            ExceptionType = Truncate(error?.ExceptionType ?? "unknown", 300),
            Reason = Truncate(error?.Message ?? "The message faulted without an exception.", 2000),
            FaultedAt = now,
            Redrives = redrives,
            RedriveAt = transient && redrives < o.MaxRedrives ? now + o.RedriveDelay * Math.Pow(2, redrives) : null,
        });
        await db.SaveChangesAsync(ct);
        FaultMetrics.Faulted.Add(1, new("error_class", errorClass), new("message_type", type));
    }

    /// <summary>The faulted message exactly as it was sent, from the Fault envelope (message.message).</summary>
    private static string OriginalMessage(ConsumeContext context)
    {
        using var envelope = JsonDocument.Parse(context.ReceiveContext.Body.GetBytes());
        return envelope.RootElement.TryGetProperty("message", out var faultBody) && faultBody.TryGetProperty("message", out var message)
            ? message.GetRawText()
            : "{}";
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}

/// <summary>
/// The ledger's own endpoint publishes no faults (it would record itself) and keeps the transport's _error queue: if
/// the database stays away longer than the outage retry, that queue is the last place the fault survives.
/// </summary>
public sealed class FaultLedgerConsumerDefinition : ConsumerDefinition<FaultLedgerConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<FaultLedgerConsumer> consumerConfigurator, IRegistrationContext context)
    {
        endpointConfigurator.PublishFaults = false;
        consumerConfigurator.UseOutageRetry();
    }
}
