using System.Text.Json;
using MassTransit;
using MassTransit.Serialization;
using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.Messaging.Faults;

public enum RedriveOutcome
{
    Sent,
    NotFound,
    /// <summary>The kept type is no longer known to this build; the row stays for an admin to discard.</summary>
    UnknownType,
}

/// <summary>Sends a kept message back to the queue it faulted on, or discards it; safe with several processes at once.</summary>
public sealed class FaultRedrive(DbContext db, IBus bus)
{
    public async Task<RedriveOutcome> RedriveAsync(Guid id, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var row = await db.Set<MessageFault>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct);
        if (row is null)
            return RedriveOutcome.NotFound;
        if (MessageTypeNames.Resolve(row.MessageType) is not { } type)
            return RedriveOutcome.UnknownType;
        // Deleting first takes the row: another process re-driving it now deletes nothing and sends nothing. A failed
        // send rolls the delete back, so the message is kept until it is really on its way.
        if (await db.Set<MessageFault>().Where(f => f.Id == id).ExecuteDeleteAsync(ct) == 0)
            return RedriveOutcome.NotFound;

        var message = JsonSerializer.Deserialize(row.Body, type, SystemTextJsonMessageSerializer.Options)!;
        var endpoint = await bus.GetSendEndpoint(new Uri($"queue:{row.Queue}"));
        await endpoint.Send(message, type, ctx =>
        {
            // The same message id: consumers that recognise a repeat still do.
            if (row.MessageId is { } messageId)
                ctx.MessageId = messageId;
            ctx.Headers.Set(FaultLedgerConsumer.RedrivesHeader, row.Redrives + 1);
        }, ct);
        await tx.CommitAsync(ct);
        return RedriveOutcome.Sent;
    }

    /// <returns>False when no such message is kept.</returns>
    public async Task<bool> DiscardAsync(Guid id, CancellationToken ct) =>
        await db.Set<MessageFault>().Where(f => f.Id == id).ExecuteDeleteAsync(ct) == 1;
}
