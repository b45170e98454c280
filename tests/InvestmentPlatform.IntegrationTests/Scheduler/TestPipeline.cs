using System.Collections.Concurrent;
using InvestmentPlatform.Contracts.Ingestion;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace InvestmentPlatform.IntegrationTests.Scheduler;

/// <summary>
/// Answers CollectionRequested the way a test wants: completed with counts, failed with a class, or held
/// (no answer) so the test can answer later or let the run time out.
/// </summary>
public sealed class TestPipeline
{
    public ConcurrentQueue<CollectionRequested> Requests { get; } = new();

    /// <summary>Decides the answer; null holds the request. Defaults to completing with 10 rows loaded.</summary>
    public Func<CollectionRequested, object?> Answer { get; set; } = Complete(10);

    public static Func<CollectionRequested, object?> Complete(long loaded) => r => Completed(r, loaded);

    public static CollectionCompleted Completed(CollectionRequested r, long loaded) =>
        new(r.RequestId, r.JobId, r.RunId, loaded + 1, loaded, 1, [], 5, DateTime.UtcNow);

    public static CollectionFailed Failed(CollectionRequested r, ErrorClass errorClass, string message = "provider said no") =>
        new(r.RequestId, r.JobId, r.RunId, null, errorClass, message, DateTime.UtcNow);

    public async Task ConnectAsync(SchedulerHost host)
    {
        var connector = host.Services.GetRequiredService<IReceiveEndpointConnector>();
        var handle = connector.ConnectReceiveEndpoint($"{host.EndpointPrefix}-test-pipeline", (_, cfg) =>
            cfg.Handler<CollectionRequested>(async ctx =>
            {
                Requests.Enqueue(ctx.Message);
                // A short pause so a run has a measurable duration and dependents visibly start after it.
                await Task.Delay(50);
                if (Answer(ctx.Message) is { } reply)
                    await ctx.Publish(reply, reply.GetType());
            }));
        await handle.Ready;
    }
}
