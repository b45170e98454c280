using MassTransit;

namespace InvestmentPlatform.Messaging.Resilience;

/// <summary>
/// A consumer of <c>Batch&lt;T&gt;</c>: up to <paramref name="messageLimit"/> messages, or what came within
/// <paramref name="timeLimit"/> (of the first, or of the last with <see cref="BatchTimeLimitStart.FromLast"/>), one batch
/// at a time per process, so work on the same series never races itself; an outage of the database is waited out.
/// </summary>
public abstract class BatchConsumerDefinition<TConsumer>(int messageLimit, TimeSpan timeLimit, BatchTimeLimitStart start)
    : ConsumerDefinition<TConsumer> where TConsumer : class, IConsumer
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<TConsumer> consumerConfigurator, IRegistrationContext context)
    {
        // The batch options also size the endpoint's prefetch and concurrency to one full batch.
        consumerConfigurator.Options<BatchOptions>(o => o.SetMessageLimit(messageLimit).SetTimeLimit(timeLimit)
            .SetTimeLimitStart(start).SetConcurrencyLimit(1));
        consumerConfigurator.UseOutageRetry();
    }
}
