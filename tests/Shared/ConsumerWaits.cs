using MassTransit;
using MassTransit.Testing;
using Xunit;

namespace InvestmentPlatform.Tests.Shared;

public static class ConsumerWaits
{
    /// <summary>
    /// Publishes <paramref name="message"/> and returns once <typeparamref name="TConsumer"/> has consumed it without a
    /// fault: what the consumer did is all in the database and the harness by then, so a spec may assert that nothing
    /// else happened. The consumer's own record is polled: the harness's Consumed.Any does not see a message that
    /// arrives after the bus has once gone quiet.
    /// </summary>
    public static async Task PublishAndConsumeAsync<TConsumer, T>(this ITestHarness harness, T message)
        where TConsumer : class, IConsumer where T : class
    {
        var id = NewId.NextGuid();
        await harness.Bus.Publish(message, c => c.MessageId = id);
        var consumed = harness.GetConsumerHarness<TConsumer>().Consumed;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        IReceivedMessage<T>? received;
        while ((received = consumed.Select<T>(m => m.Context.MessageId == id).FirstOrDefault()) is null)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{typeof(TConsumer).Name} never consumed the {typeof(T).Name}");
            await Task.Delay(20);
        }
        Assert.Null(received.Exception);
    }

    /// <summary>
    /// The messages of type <typeparamref name="T"/> the harness saw published so far, without waiting for more: a spec
    /// reads them once the consumer under test has finished. (The harness's own Select waits until the bus is quiet.)
    /// </summary>
    public static List<T> PublishedSoFar<T>(this ITestHarness harness) where T : class =>
        harness.Published.Select<T>(SoFar).Select(m => m.Context.Message).ToList();

    /// <summary>The messages of type <typeparamref name="T"/> the harness saw sent so far, without waiting for more.</summary>
    public static List<T> SentSoFar<T>(this ITestHarness harness) where T : class =>
        harness.Sent.Select<T>(SoFar).Select(m => m.Context.Message).ToList();

    // A cancelled token makes the harness's Select return what it holds instead of waiting for more.
    private static readonly CancellationToken SoFar = new(canceled: true);
}
