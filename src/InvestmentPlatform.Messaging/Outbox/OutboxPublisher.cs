using System.Collections.Concurrent;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InvestmentPlatform.Messaging.Outbox;

/// <summary>Publishes one batch of unsent outbox rows and marks them sent, in one database transaction.</summary>
public sealed class OutboxPublisher(
    IServiceScopeFactory scopes,
    IBus bus,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxPublisher> logger)
{
    private static readonly ConcurrentDictionary<string, Type?> Types = new();

    /// <returns>The number of rows published.</returns>
    public async Task<int> PublishPendingAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbContext>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);

        var batch = await LockBatchAsync(db, options.Value.BatchSize, ct);
        if (batch.Count == 0)
            return 0;

        var published = 0;
        foreach (var row in batch)
        {
            var type = Types.GetOrAdd(row.MessageType, ResolveType);
            if (type is null)
            {
                row.Attempts++;
                row.LastError = $"Unknown message type {row.MessageType}";
                continue;
            }

            try
            {
                var message = JsonSerializer.Deserialize(row.Body, type, OutboxJson.Options)!;
                await bus.Publish(message, type, ctx =>
                {
                    // The row's id travels as the message id, so consumers can recognise a republish after a crash.
                    ctx.MessageId = row.MessageId;
                    if (row.CorrelationId is { } correlation)
                        ctx.CorrelationId = correlation;
                }, ct);
                row.SentAt = clock.GetUtcNow().UtcDateTime;
                published++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                row.Attempts++;
                row.LastError = ex.Message;
                logger.LogWarning(ex, "Outbox message {MessageId} ({Type}) not published yet", row.MessageId, row.MessageType);
                break;
            }
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return published;
    }

    public async Task<int> DeleteSentBeforeAsync(DateTime cutoff, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbContext>();
        return await db.Set<OutboxMessage>().Where(o => o.SentAt != null && o.SentAt < cutoff).ExecuteDeleteAsync(ct);
    }

    private static Task<List<OutboxMessage>> LockBatchAsync(DbContext db, int size, CancellationToken ct) =>
        db.Database.IsNpgsql()
            // SKIP LOCKED lets relays in several processes take disjoint batches.
            ? db.Set<OutboxMessage>().FromSqlInterpolated(
                    $"SELECT * FROM outbox WHERE sent_at IS NULL ORDER BY id LIMIT {size} FOR UPDATE SKIP LOCKED")
                .ToListAsync(ct)
            : db.Set<OutboxMessage>().Where(o => o.SentAt == null).OrderBy(o => o.Id).Take(size).ToListAsync(ct);

    private static Type? ResolveType(string name) => Type.GetType(name, throwOnError: false);
}
