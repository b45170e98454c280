using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Ingestion;
using InvestmentPlatform.Messaging.Resilience;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InvestmentPlatform.Ingestion.Collection;

/// <summary>
/// Announces this worker to the others by keeping its <see cref="WorkerPresence"/> row fresh, and removes the row on a
/// clean stop; a killed worker's row ages out after <see cref="IngestionOptions.WorkerPresenceTimeout"/>.
/// </summary>
public sealed class WorkerHeartbeat(
    IServiceScopeFactory scopes,
    IOptions<IngestionOptions> options,
    TimeProvider clock,
    OutageLog outage,
    ILogger<WorkerHeartbeat> logger) : BackgroundService
{
    private readonly Guid _id = Guid.NewGuid();
    private readonly DateTime _startedAt = clock.GetUtcNow().UtcDateTime;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        outage.RepeatAsync("Worker heartbeat", BeatAsync, options.Value.WorkerHeartbeatInterval, clock, logger, stoppingToken);

    private async Task BeatAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var updated = await db.WorkerPresence.Where(w => w.Id == _id)
            .ExecuteUpdateAsync(u => u.SetProperty(w => w.SeenAt, now), ct);
        if (updated == 0)
        {
            db.WorkerPresence.Add(new WorkerPresence
            {
                Id = _id, Machine = Environment.MachineName, ProcessId = Environment.ProcessId, StartedAt = _startedAt, SeenAt = now,
            });
            await db.SaveChangesAsync(ct);
        }
        // Rows of workers that were killed long ago are of no use to anyone.
        var forgotten = now - 10 * options.Value.WorkerPresenceTimeout;
        await db.WorkerPresence.Where(w => w.SeenAt < forgotten).ExecuteDeleteAsync(ct);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            await db.WorkerPresence.Where(w => w.Id == _id).ExecuteDeleteAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The database is away: the row ages out instead.
            outage.Report(ex);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
