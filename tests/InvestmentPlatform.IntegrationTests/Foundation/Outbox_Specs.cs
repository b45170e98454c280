using System.Collections.Concurrent;
using InvestmentPlatform.Contracts.Scheduler;
using InvestmentPlatform.Data;
using InvestmentPlatform.Messaging.Outbox;
using InvestmentPlatform.IntegrationTests.Infrastructure;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InvestmentPlatform.IntegrationTests.Foundation;

[Collection(IntegrationCollection.Name)]
public sealed class When_outbox_rows_are_committed : IAsyncLifetime
{
    private PlatformFactory _factory = null!;
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => (_factory, _database) = await PlatformFactory.StartAsync();

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Should_publish_each_once_with_its_outbox_id_and_mark_it_sent()
    {
        var received = new ConcurrentBag<(Guid? MessageId, JobRunStatusChanged Message)>();
        var connector = _factory.Services.GetRequiredService<IReceiveEndpointConnector>();
        var handle = connector.ConnectReceiveEndpoint($"{_factory.EndpointPrefix}-outbox-probe", (_, cfg) =>
        {
            InQueueOrder(cfg);
            cfg.Handler<JobRunStatusChanged>(ctx =>
            {
                received.Add((ctx.MessageId, ctx.Message));
                return Task.CompletedTask;
            });
        });
        await handle.Ready;

        var ids = new List<Guid>();
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            for (var i = 0; i < 5; i++)
                ids.Add(db.EnqueuePublish(new JobRunStatusChanged(Guid.NewGuid(), Guid.NewGuid(), $"job-{i}", "running", i, null, null, DateTime.UtcNow)).MessageId);
            await db.SaveChangesAsync();
        }

        await WaitUntil(() => received.Count >= 5);
        var sentinel = await EnqueueSentinelAsync();
        await WaitUntil(() => received.Any(r => r.Message.JobId == sentinel));

        Assert.Equal(ids.Order(), received.Where(r => r.Message.JobId != sentinel).Select(r => r.MessageId!.Value).Order());
        await using var verify = _factory.Services.CreateAsyncScope();
        var rows = await verify.ServiceProvider.GetRequiredService<PlatformDbContext>().Outbox.Where(r => ids.Contains(r.MessageId)).ToListAsync();
        Assert.Equal(5, rows.Count);
        Assert.All(rows, r => Assert.NotNull(r.SentAt));
    }

    [Fact]
    public async Task Should_let_two_relays_share_the_table_without_publishing_twice()
    {
        var received = new ConcurrentBag<(Guid? MessageId, Guid JobId)>();
        var connector = _factory.Services.GetRequiredService<IReceiveEndpointConnector>();
        var handle = connector.ConnectReceiveEndpoint($"{_factory.EndpointPrefix}-outbox-race", (_, cfg) =>
        {
            InQueueOrder(cfg);
            cfg.Handler<JobRunStatusChanged>(ctx =>
            {
                received.Add((ctx.MessageId, ctx.Message.JobId));
                return Task.CompletedTask;
            });
        });
        await handle.Ready;

        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            for (var i = 0; i < 400; i++)
                db.EnqueuePublish(new JobRunStatusChanged(Guid.NewGuid(), Guid.NewGuid(), "race", "running", i, null, null, DateTime.UtcNow));
            await db.SaveChangesAsync();
        }

        // Three extra publishers race the host's own relay over the same rows.
        var publisher = _factory.Services.GetRequiredService<OutboxPublisher>();
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            while (await publisher.PublishPendingAsync(CancellationToken.None) > 0) { }
        })));

        await WaitUntil(() => received.Count >= 400);
        var sentinel = await EnqueueSentinelAsync();
        await WaitUntil(() => received.Any(r => r.JobId == sentinel));

        var raced = received.Where(r => r.JobId != sentinel).Select(r => r.MessageId).ToList();
        Assert.Equal(400, raced.Count);
        Assert.Equal(400, raced.Distinct().Count());
    }

    /// <summary>
    /// One more row through the outbox, after the ones under test were seen: the relay publishes rows in order and the
    /// probe takes them in queue order, so once the sentinel is received any duplicate publish of an earlier row has
    /// been received too.
    /// </summary>
    private async Task<Guid> EnqueueSentinelAsync()
    {
        var jobId = Guid.NewGuid();
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        db.EnqueuePublish(new JobRunStatusChanged(jobId, Guid.NewGuid(), "sentinel", "running", 0, null, null, DateTime.UtcNow));
        await db.SaveChangesAsync();
        return jobId;
    }

    private static void InQueueOrder(IReceiveEndpointConfigurator cfg)
    {
        cfg.ConcurrentMessageLimit = 1;
        if (cfg is IRabbitMqReceiveEndpointConfigurator rabbit)
            rabbit.PrefetchCount = 1;
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition() && DateTime.UtcNow < deadline)
            await Task.Delay(100);
    }
}
