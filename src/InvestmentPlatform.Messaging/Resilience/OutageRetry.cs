using MassTransit;

namespace InvestmentPlatform.Messaging.Resilience;

public static class OutageRetry
{
    /// <summary>
    /// Waits out a database or broker outage with the message in hand: a transient failure is retried with growing
    /// pauses (up to 10 s) for about ten minutes, so the message is handled within seconds of the dependency coming back.
    /// Configure it before the consumer's own retry, which then only sees the other failures.
    /// </summary>
    public static void UseOutageRetry<TConsumer>(this IConsumerConfigurator<TConsumer> cfg) where TConsumer : class =>
        cfg.UseMessageRetry(r =>
        {
            r.Exponential(70, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(500));
            r.Handle<Exception>(TransientFailure.IsTransient);
        });
}
