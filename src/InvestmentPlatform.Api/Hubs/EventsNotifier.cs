using System.Text.Json;
using InvestmentPlatform.Contracts.Analytics;
using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Contracts.Scheduler;
using InvestmentPlatform.Contracts.Trading;
using InvestmentPlatform.Data;
using MassTransit;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.Api.Hubs;

/// <summary>Bridges bus events to the hub clients of this process that subscribed to a matching topic.</summary>
public sealed class EventsNotifier(IHubContext<EventsHub> hub, TopicSubscriptions subscriptions, PlatformDbContext db) :
    IConsumer<CollectionProgress>, IConsumer<CollectionCompleted>, IConsumer<CollectionFailed>, IConsumer<JobRunStatusChanged>,
    IConsumer<AnalyticsProgress>, IConsumer<OrderAccepted>, IConsumer<OrderRejected>, IConsumer<OrderFilled>, IConsumer<OrderCancelled>,
    IConsumer<OrderExpired>
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
        var owner = await db.SchedulerJobs.AsNoTracking().Where(j => j.Id == m.JobId).Select(j => j.OwnerId).FirstOrDefaultAsync(context.CancellationToken);
        await SendAsync([HubTopics.All, HubTopics.Job(m.JobId)], EventAudience.OwnerAndAdmins(owner), HubMessages.JobStatus, new JobStatusMessage(
            m.JobId, m.RunId, m.JobName, m.Status, m.RecordsLoaded, m.ErrorClass, m.Message, m.Timestamp), context.CancellationToken);
    }

    public Task Consume(ConsumeContext<AnalyticsProgress> context)
    {
        var m = context.Message;
        // A computation's result id doubles as its request id, so clients watch it with request:{id}.
        return SendAsync([HubTopics.All, HubTopics.Request(m.ResultId)], EventAudience.Everyone, HubMessages.AnalyticsProgress, new AnalyticsProgressMessage(
            m.ResultId, m.Kind, m.Status, m.Done, m.Total, m.Error, m.Timestamp), context.CancellationToken);
    }

    public Task Consume(ConsumeContext<OrderAccepted> context) =>
        OrderAsync(new(context.Message.OrderId, context.Message.AccountId, OrderStatuses.Accepted, null, null, 0, null, context.Message.AcceptedAt), context);

    public Task Consume(ConsumeContext<OrderRejected> context) =>
        OrderAsync(new(context.Message.OrderId, context.Message.AccountId, OrderStatuses.Rejected, null, null, 0, context.Message.Reason,
            context.Message.RejectedAt), context);

    public Task Consume(ConsumeContext<OrderFilled> context)
    {
        var m = context.Message;
        return OrderAsync(new(m.OrderId, m.AccountId, m.Status, m.FillPrice, m.FillQuantity, m.FilledQuantity, null, m.FilledAt), context);
    }

    public Task Consume(ConsumeContext<OrderCancelled> context) =>
        OrderAsync(new(context.Message.OrderId, context.Message.AccountId, OrderStatuses.Cancelled, null, null, context.Message.FilledQuantity,
            context.Message.Reason, context.Message.CancelledAt), context);

    public Task Consume(ConsumeContext<OrderExpired> context) =>
        OrderAsync(new(context.Message.OrderId, context.Message.AccountId, OrderStatuses.Expired, null, null, context.Message.FilledQuantity,
            null, context.Message.ExpiredAt), context);

    /// <summary>An order belongs to its account's owner: only they (and admins) hear of it.</summary>
    private async Task OrderAsync<T>(OrderUpdateMessage message, ConsumeContext<T> context) where T : class
    {
        var owner = await db.Portfolios.AsNoTracking().Where(p => p.Id == message.AccountId).Select(p => p.OwnerId)
            .FirstOrDefaultAsync(context.CancellationToken);
        await SendAsync([HubTopics.All], EventAudience.OwnerAndAdmins(owner), HubMessages.OrderUpdate, message, context.CancellationToken);
    }

    private async Task<List<string>> TopicsAsync(Guid requestId, Guid? jobId, string? symbol, CancellationToken ct)
    {
        var topics = new List<string> { HubTopics.All, HubTopics.Request(requestId) };
        if (jobId is { } job)
            topics.Add(HubTopics.Job(job));
        var assetType = symbol is null
            ? null
            : await db.Assets.AsNoTracking().Where(a => a.Symbol == symbol).Select(a => a.AssetType).FirstOrDefaultAsync(ct);
        assetType ??= await db.IngestionRequests.AsNoTracking().Where(r => r.Id == requestId).Select(r => r.AssetType)
            .FirstOrDefaultAsync(ct);
        if (assetType is not null)
            topics.Add(HubTopics.AssetType(assetType));
        return topics;
    }

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
