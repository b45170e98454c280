using MassTransit;

namespace InvestmentPlatform.Messaging.Resilience;

public static class OutageRetry
{
    /// <summary>0.2 s, 0.5 s, 1 s, 2 s, 5 s, then every 10 s: about ten minutes in all.</summary>
    public static readonly TimeSpan[] Intervals =
    [
        TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2),
        TimeSpan.FromSeconds(5), .. Enumerable.Repeat(TimeSpan.FromSeconds(10), 60),
    ];

    /// <summary>
    /// Waits out a database or broker outage with the message in hand: a transient failure is retried with growing
    /// pauses (<see cref="Intervals"/>), so the message is handled within seconds of the dependency coming back.
    /// Configure it before the consumer's own retry, which then only sees the other failures.
    /// </summary>
    public static void UseOutageRetry<TConsumer>(this IConsumerConfigurator<TConsumer> cfg) where TConsumer : class =>
        cfg.UseMessageRetry(r =>
        {
            r.Intervals(Intervals);
            r.Handle<Exception>(TransientFailure.IsTransient);
        });
}
