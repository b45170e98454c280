using InvestmentPlatform.Data.Assets;
using System.Text.Json;
using InvestmentPlatform.Alerts.Rules;
using InvestmentPlatform.Contracts.Alerts;
using InvestmentPlatform.Contracts.Analytics;
using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Contracts.Quality;
using InvestmentPlatform.Contracts.Scheduler;
using InvestmentPlatform.Contracts.Reports;
using InvestmentPlatform.Contracts.Trading;
using InvestmentPlatform.Data;
using MassTransit;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.Api.Hubs;

/// <summary>
/// Bridges bus events to the hub clients of this process that subscribed to a matching topic. A request's event says
/// who may see it and which symbols and asset types it concerns (RequestRouting); only an event from a process not
/// yet upgraded is routed by reading its request back. A run's event carries its owner; the job's symbols and asset
/// type are read from the job.
/// </summary>
public sealed class EventsNotifier(IHubContext<EventsHub> hub, TopicSubscriptions subscriptions, AccountOwners accountOwners, PlatformDbContext db) :
    IConsumer<CollectionProgress>, IConsumer<CollectionCompleted>, IConsumer<CollectionFailed>, IConsumer<JobRunStatusChanged>,
    IConsumer<AnalyticsProgress>, IConsumer<AlertTriggered>, IConsumer<OrderAccepted>, IConsumer<OrderRejected>, IConsumer<OrderFilled>,
    IConsumer<OrderCancelled>, IConsumer<OrderExpired>, IConsumer<ReportReady>, IConsumer<ReplayProgress>, IConsumer<DataQualityIssueFound>
{
    public async Task Consume(ConsumeContext<CollectionProgress> context)
    {
        var m = context.Message;
        var (topics, audience) = await RouteAsync(m.RequestId, m.JobId, m.Symbol, m.Routing, context.CancellationToken);
        await SendAsync(topics, audience, HubMessages.CollectionProgress, new CollectionProgressMessage(
            m.RequestId, m.JobId, m.RunId, m.Symbol, IngestionStatuses.Running, m.ChunksDone, m.ChunksTotal, m.RecordsCollected, m.RecordsLoaded,
            m.Timestamp), context.CancellationToken);
    }

    public async Task Consume(ConsumeContext<CollectionCompleted> context)
    {
        var m = context.Message;
        var (topics, audience) = await RouteAsync(m.RequestId, m.JobId, null, m.Routing, context.CancellationToken);
        await SendAsync(topics, audience, HubMessages.CollectionProgress, new CollectionProgressMessage(
            m.RequestId, m.JobId, m.RunId, null, m.Status, m.ChunksTotal, m.ChunksTotal, m.RecordsCollected,
            m.RecordsLoaded, m.CompletedAt), context.CancellationToken);
    }

    public async Task Consume(ConsumeContext<CollectionFailed> context)
    {
        var m = context.Message;
        var ct = context.CancellationToken;
        // Error messages name files and providers' answers: only the requester (and admins) see them.
        var (topics, owner) = await RouteAsync(m.RequestId, m.JobId, m.Symbol, m.Routing, ct);
        await SendAsync(topics, owner, HubMessages.Error, new ErrorMessage(
            m.RequestId, m.JobId, m.RunId, m.Symbol, m.ErrorClass.ToString(), m.Message, m.FailedAt), ct);
        if (m.Symbol is not null)
            return;
        // The whole request failed: progress watchers see it end too.
        var counts = m.ChunksTotal is not null
            ? new { m.ChunksDone, m.ChunksTotal, RecordsCollected = m.RecordsCollected ?? 0, RecordsLoaded = m.RecordsLoaded ?? 0 }
            : await db.IngestionRequests.AsNoTracking().Where(r => r.Id == m.RequestId)
                .Select(r => new { ChunksDone = (int?)r.ChunksDone, ChunksTotal = (int?)r.ChunksTotal, r.RecordsCollected, r.RecordsLoaded })
                .FirstOrDefaultAsync(ct);
        await SendAsync(topics, owner, HubMessages.CollectionProgress, new CollectionProgressMessage(
            m.RequestId, m.JobId, m.RunId, null, IngestionStatuses.Failed, counts?.ChunksDone, counts?.ChunksTotal,
            counts?.RecordsCollected ?? 0, counts?.RecordsLoaded ?? 0, m.FailedAt), ct);
    }

    public async Task Consume(ConsumeContext<JobRunStatusChanged> context)
    {
        var m = context.Message;
        var ct = context.CancellationToken;
        // A v1.0 message names no owner: the job does, as it decides who may see the event. Messages older than v1.2
        // carry no symbols or asset types and reach the all and job: topics only.
        var owner = m.Owner is { } known ? known.UserId
            : await db.SchedulerJobs.AsNoTracking().Where(j => j.Id == m.JobId).Select(j => j.OwnerId).FirstOrDefaultAsync(ct);
        var topics = new List<string> { HubTopics.All, HubTopics.Job(m.JobId) };
        topics.AddRange((m.Symbols ?? []).Select(HubTopics.Asset));
        topics.AddRange((m.AssetTypes ?? []).Select(HubTopics.AssetType));
        await SendAsync(topics, EventAudience.OwnerAndAdmins(owner), HubMessages.JobStatus, new JobStatusMessage(
            m.JobId, m.RunId, m.JobName, m.Status, m.RecordsLoaded, m.ErrorClass, m.Message, m.Timestamp), ct);
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
        var owner = await accountOwners.OfAsync(message.AccountId, db, context.CancellationToken);
        await SendAsync([HubTopics.All], EventAudience.OwnerAndAdmins(owner), HubMessages.OrderUpdate, message, context.CancellationToken);
    }

    public async Task Consume(ConsumeContext<AlertTriggered> context)
    {
        var m = context.Message;
        if (!m.Channels.Contains(AlertKinds.InApp))
            return;
        // A user's alerts are theirs alone: not even admins see them live.
        var connections = subscriptions.ConnectionsOfUser(m.OwnerId);
        if (connections.Count == 0)
            return;
        var unread = await db.Notifications.CountAsync(n => n.OwnerId == m.OwnerId && n.ReadAt == null, context.CancellationToken);
        await hub.Clients.Clients(connections).SendAsync(HubMessages.Notification, new NotificationMessage(
            m.FiringId, m.RuleId, m.RuleName, m.Kind, m.Symbol, m.Message, m.Value, m.TriggerTime, unread, m.FiredAt), context.CancellationToken);
    }

    /// <summary>A user's reports are theirs alone, as their alerts are.</summary>
    public Task Consume(ConsumeContext<ReportReady> context)
    {
        var m = context.Message;
        return SendToUserAsync(m.OwnerId, HubMessages.ReportReady,
            new ReportReadyMessage(m.ReportId, m.Kind, m.Status, m.FileName, m.Size, m.Error, m.FinishedAt), context.CancellationToken);
    }

    /// <summary>A replay is its owner's alone, as their reports are.</summary>
    public Task Consume(ConsumeContext<ReplayProgress> context)
    {
        var m = context.Message;
        return SendToUserAsync(m.OwnerId, HubMessages.ReplayProgress,
            new ReplayProgressMessage(m.ReplayId, m.AccountId, m.Status, m.Done, m.Total, m.Fills, m.Error, m.Timestamp), context.CancellationToken);
    }

    /// <summary>Market data is everyone's to read, and so is what the checks found in it.</summary>
    public Task Consume(ConsumeContext<DataQualityIssueFound> context)
    {
        var m = context.Message;
        return SendAsync([HubTopics.All, HubTopics.Asset(m.Symbol)], EventAudience.Everyone, HubMessages.QualityFinding,
            new QualityFindingMessage(m.FindingId, m.Symbol, m.Interval, m.Kind, m.BarTime, m.Severity, m.Quarantined, m.Detail, m.Score, m.FoundAt),
            context.CancellationToken);
    }

    private Task SendToUserAsync(string userId, string method, object payload, CancellationToken ct)
    {
        var connections = subscriptions.ConnectionsOfUser(userId);
        return connections.Count == 0 ? Task.CompletedTask : hub.Clients.Clients(connections).SendAsync(method, payload, ct);
    }

    /// <summary>
    /// The topics a request's event goes to: all, the request, its job, its symbols (the one the event names, or all
    /// of the request's) and their asset types; and who may see it: a job's run belongs to the job's owner (admins
    /// alone for a job without one); a request submitted through the API to its submitter; command-line requests are
    /// everyone's.
    /// </summary>
    private async Task<(List<string> Topics, EventAudience Audience)> RouteAsync(
        Guid requestId, Guid? jobId, string? symbol, RequestRouting? routing, CancellationToken ct)
    {
        routing ??= await ReadRoutingAsync(requestId, jobId, symbol, ct);
        var topics = new List<string> { HubTopics.All, HubTopics.Request(requestId) };
        if (jobId is { } job)
            topics.Add(HubTopics.Job(job));
        // Symbols and AssetTypes came with v1.2 of the routing; an older one names at most the event's symbol and one type.
        topics.AddRange((routing.Symbols ?? (symbol is null ? [] : [symbol])).Select(HubTopics.Asset));
        topics.AddRange((routing.AssetTypes ?? (routing.AssetType is { } type ? [type] : [])).Select(HubTopics.AssetType));
        var audience = jobId is null && routing.RequestedBy is null
            ? EventAudience.Everyone
            : EventAudience.OwnerAndAdmins(routing.RequestedBy);
        return (topics.Distinct().ToList(), audience);
    }

    /// <summary>An event from a publisher not yet upgraded carries no routing: the request, its job and its assets are read back.</summary>
    private async Task<RequestRouting> ReadRoutingAsync(Guid requestId, Guid? jobId, string? symbol, CancellationToken ct)
    {
        var request = await db.IngestionRequests.AsNoTracking().Where(r => r.Id == requestId)
            .Select(r => new { r.AssetType, r.RequestedBy, r.Symbols }).FirstOrDefaultAsync(ct);
        IReadOnlyList<string> symbols = symbol is not null ? [symbol] : ReadSymbols(request?.Symbols);
        // The symbol's own asset says its type best; the request's type stands in while the asset is not stored yet.
        var types = await db.Assets.TypesOfAsync(symbols, symbol is null ? request?.AssetType : null, ct);
        if (types.Count == 0 && request?.AssetType is { } requested)
            types = [requested];
        var owner = jobId is { } job
            ? await db.SchedulerJobs.AsNoTracking().Where(j => j.Id == job).Select(j => j.OwnerId).FirstOrDefaultAsync(ct)
            : request?.RequestedBy;
        return new RequestRouting(owner, types.FirstOrDefault(), symbols, types);
    }

    private static IReadOnlyList<string> ReadSymbols(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize<List<string>>(json) ?? [];

    private Task SendAsync(IReadOnlyCollection<string> topics, EventAudience audience, string method, object payload, CancellationToken ct)
    {
        var connections = subscriptions.ConnectionsFor(topics, audience);
        return connections.Count == 0 ? Task.CompletedTask : hub.Clients.Clients(connections).SendAsync(method, payload, ct);
    }
}
