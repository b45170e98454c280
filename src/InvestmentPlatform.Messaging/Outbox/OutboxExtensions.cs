using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.Messaging.Outbox;

public static class OutboxExtensions
{
    /// <summary>
    /// Stages <paramref name="message"/> for publishing; it is written by the caller's next SaveChanges,
    /// in the same transaction as the state it belongs to, and published by the outbox relay after commit.
    /// <see cref="OutboxSaveChangesInterceptor"/> stamps its creation time from the injected clock.
    /// </summary>
    public static OutboxMessage EnqueuePublish<T>(this DbContext db, T message, Guid? correlationId = null)
        where T : class
    {
        var row = new OutboxMessage
        {
            MessageId = Guid.CreateVersion7(),
            // Type and assembly, so a relay in any process finds the message's type wherever it is declared.
            MessageType = $"{typeof(T).FullName}, {typeof(T).Assembly.GetName().Name}",
            Body = JsonSerializer.Serialize(message, OutboxJson.Options),
            CorrelationId = correlationId,
        };
        db.Set<OutboxMessage>().Add(row);
        return row;
    }
}

public static class OutboxJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
