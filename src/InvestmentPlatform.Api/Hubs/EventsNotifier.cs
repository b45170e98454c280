using System.Text.Json;
using InvestmentPlatform.Contracts.Analytics;
using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Contracts.Scheduler;
using InvestmentPlatform.Data;
using MassTransit;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.Api.Hubs;

/// <summary>Bridges bus events to the hub clients of this process that subscribed to a matching topic.</summary>
public sealed class EventsNotifier(IHubContext<EventsHub> hub, TopicSubscriptions subscriptions, PlatformDbContext db) :
    IConsumer<CollectionProgress>, IConsumer<CollectionCompleted>, IConsumer<CollectionFailed>, IConsumer<JobRunStatusChanged>,
    IConsumer<AnalyticsProgress>
{
    public async Task Consume(ConsumeContext<CollectionProgress> context)
    {
        var m = context.Message;
        var topics = await TopicsAsync(m.RequestId, m.JobId, m.Symbol, context.CancellationToken);
        await SendAsync(topics, await AudienceAsync(m.RequestId, m.JobId, context.CancellationToken), HubMessages.CollectionProgress, new CollectionProgressMessage(
            m.RequestId, m.JobId, m.RunId, m.Symbol, "running", m.ChunksDone, m.ChunksTotal, m.RecordsCollected, m.RecordsLoaded,
            m.Timestamp), context.CancellationToken);
    }

    public async Task Consume(ConsumeContext<CollectionCompleted> context)
    {
        var m = context.Message;
        var topics = await TopicsAsync(m.RequestId, m.JobId, null, context.CancellationToken);
        await SendAsync(topics, await AudienceAsync(m.RequestId, m.JobId, context.CancellationToken), HubMessages.CollectionProgress, new CollectionProgressMessage(
            m.RequestId, m.JobId, m.RunId, null, m.Status, m.ChunksTotal, m.ChunksTotal, m.RecordsCollected,
            m.RecordsLoaded, m.CompletedAt), context.CancellationToken);
    }

    public async Task Consume(ConsumeContext<CollectionFailed> context)
    {
        var m = context.Message;
        var topics = await TopicsAsync(m.RequestId, m.JobId, m.Symbol, context.CancellationToken);
        // Error messages name files and providers' answers: only the requester (and admins) see them.
        var owner = await AudienceAsync(m.RequestId, m.JobId, context.CancellationToken);
        await SendAsync(topics, owner, HubMessages.Error, new ErrorMessage(
            m.RequestId, m.JobId, m.RunId, m.Symbol, m.ErrorClass.ToString(), m.Message, m.FailedAt), context.CancellationToken);
        if (m.Symbol is null)
        {
            // The whole request failed: progress watchers see it end too.
            var request = await db.IngestionRequests.AsNoTracking().Where(r => r.Id == m.RequestId)
                .Select(r => new { r.ChunksDone, r.ChunksTotal, r.RecordsCollected, r.RecordsLoaded })
                .FirstOrDefaultAsync(context.CancellationToken);
            await SendAsync(topics, owner, HubMessages.CollectionProgress, new CollectionProgressMessage(
                m.RequestId, m.JobId, m.RunId, null, "failed", request?.ChunksDone, request?.ChunksTotal,
                request?.RecordsCollected ?? 0, request?.RecordsLoaded ?? 0, m.FailedAt), context.CancellationToken);
        }
    }

    public async Task Consume(ConsumeContext<JobRunStatusChanged> context)
    {
        var m = context.Message;
        var ct = context.CancellationToken;
        var job = await db.SchedulerJobs.AsNoTracking().Where(j => j.Id == m.JobId)
            .Select(j => new { j.OwnerId, j.AssetType, j.Symbols, j.AssetFilter }).FirstOrDefaultAsync(ct);
        var topics = new List<string> { HubTopics.All, HubTopics.Job(m.JobId) };
        if (job is not null)
        {
            var symbols = ReadSymbols(job.Symbols);
            var filterType = job.AssetFilter is null ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(job.AssetFilter)?.GetValueOrDefault("assetType");
            topics.AddRange(await AssetTopicsAsync(symbols, job.AssetType ?? filterType, ct));
        }
        await SendAsync(topics, EventAudience.OwnerAndAdmins(job?.OwnerId), HubMessages.JobStatus, new JobStatusMessage(
            m.JobId, m.RunId, m.JobName, m.Status, m.RecordsLoaded, m.ErrorClass, m.Message, m.Timestamp), ct);
    }

    public Task Consume(ConsumeContext<AnalyticsProgress> context)
    {
        var m = context.Message;
        // A computation's result id doubles as its request id, so clients watch it with request:{id}.
        return SendAsync([HubTopics.All, HubTopics.Request(m.ResultId)], EventAudience.Everyone, HubMessages.AnalyticsProgress, new AnalyticsProgressMessage(
            m.ResultId, m.Kind, m.Status, m.Done, m.Total, m.Error, m.Timestamp), context.CancellationToken);
    }

    /// <summary>
    /// Every topic a request's event concerns: all, the request, its job, its symbols (the one the event names, or all
    /// of the request's) and their asset types (the request's, or each asset's when the request gave none).
    /// </summary>
    private async Task<List<string>> TopicsAsync(Guid requestId, Guid? jobId, string? symbol, CancellationToken ct)
    {
        var topics = new List<string> { HubTopics.All, HubTopics.Request(requestId) };
        if (jobId is { } job)
            topics.Add(HubTopics.Job(job));
        var request = await db.IngestionRequests.AsNoTracking().Where(r => r.Id == requestId)
            .Select(r => new { r.AssetType, r.Symbols }).FirstOrDefaultAsync(ct);
        var symbols = symbol is not null ? [symbol] : ReadSymbols(request?.Symbols);
        // The symbol's own asset says its type best; the request's type stands in while the asset is not stored yet.
        topics.AddRange(await AssetTopicsAsync(symbols, symbol is null ? request?.AssetType : null, ct));
        if (symbol is not null && request?.AssetType is { } requested && !topics.Any(t => t.StartsWith("assetType:", StringComparison.Ordinal)))
            topics.Add(HubTopics.AssetType(requested));
        return topics.Distinct().ToList();
    }

    private async Task<IEnumerable<string>> AssetTopicsAsync(IReadOnlyList<string> symbols, string? assetType, CancellationToken ct)
    {
        var topics = symbols.Select(HubTopics.Asset).ToList();
        if (assetType is not null)
            topics.Add(HubTopics.AssetType(assetType));
        else if (symbols.Count > 0)
        {
            var upper = symbols.Select(s => s.ToUpperInvariant()).ToList();
            var types = await db.Assets.AsNoTracking().Where(a => upper.Contains(a.Symbol.ToUpper())).Select(a => a.AssetType).Distinct().ToListAsync(ct);
            topics.AddRange(types.Select(HubTopics.AssetType));
        }
        return topics;
    }

    private static IReadOnlyList<string> ReadSymbols(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize<List<string>>(json) ?? [];

    /// <summary>
    /// A job's run belongs to the job's owner (admins alone for a job without one); a request submitted through the API
    /// to its submitter; command-line requests are everyone's.
    /// </summary>
    private async Task<EventAudience> AudienceAsync(Guid requestId, Guid? jobId, CancellationToken ct)
    {
        if (jobId is { } job)
            return EventAudience.OwnerAndAdmins(
                await db.SchedulerJobs.AsNoTracking().Where(j => j.Id == job).Select(j => j.OwnerId).FirstOrDefaultAsync(ct));
        var requester = await db.IngestionRequests.AsNoTracking().Where(r => r.Id == requestId).Select(r => r.RequestedBy).FirstOrDefaultAsync(ct);
        return requester is null ? EventAudience.Everyone : EventAudience.OwnerAndAdmins(requester);
    }

    private Task SendAsync(IReadOnlyCollection<string> topics, EventAudience audience, string method, object payload, CancellationToken ct)
    {
        var connections = subscriptions.ConnectionsFor(topics, audience);
        return connections.Count == 0 ? Task.CompletedTask : hub.Clients.Clients(connections).SendAsync(method, payload, ct);
    }
}
