using MassTransit;

namespace InvestmentPlatform.IntegrationTests.Infrastructure;

/// <summary>
/// Completes once the bus has consumed a message that matches: the signal that a message a test expects to change
/// nothing has really been handled, so asserting "unchanged" afterwards proves something.
/// </summary>
public sealed class ConsumedSignal<T> : IConsumeObserver, IDisposable where T : class
{
    private readonly TaskCompletionSource _consumed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Func<T, bool> _match;
    private readonly ConnectHandle _handle;
    private int _remaining;

    /// <param name="count">How many matching consumptions complete the signal (copies of one message, say).</param>
    public ConsumedSignal(IBus bus, Func<T, bool> match, int count = 1)
    {
        _match = match;
        _remaining = count;
        _handle = bus.ConnectConsumeObserver(this);
    }

    public Task WaitAsync(TimeSpan timeout) => _consumed.Task.WaitAsync(timeout);

    public Task PostConsume<TMessage>(ConsumeContext<TMessage> context) where TMessage : class
    {
        if (context.Message is T message && _match(message) && Interlocked.Decrement(ref _remaining) <= 0)
            _consumed.TrySetResult();
        return Task.CompletedTask;
    }

    public Task PreConsume<TMessage>(ConsumeContext<TMessage> context) where TMessage : class => Task.CompletedTask;

    // A fault may be retried; only a finished consumption completes the signal.
    public Task ConsumeFault<TMessage>(ConsumeContext<TMessage> context, Exception exception) where TMessage : class => Task.CompletedTask;

    public void Dispose() => _handle.Disconnect();
}
