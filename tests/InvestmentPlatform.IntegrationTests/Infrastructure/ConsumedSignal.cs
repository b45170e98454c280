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
    private readonly string? _endpoint;
    private readonly ConnectHandle _handle;
    private int _remaining;

    /// <param name="count">How many matching consumptions complete the signal (copies of one message, say).</param>
    /// <param name="endpoint">
    /// Only consumptions on this receive endpoint count (its name, without the host's prefix). A message several
    /// features consume is consumed once per feature's endpoint, and the first of them says nothing about the others.
    /// </param>
    public ConsumedSignal(IBus bus, Func<T, bool> match, int count = 1, string? endpoint = null)
    {
        _match = match;
        _remaining = count;
        _endpoint = endpoint;
        _handle = bus.ConnectConsumeObserver(this);
    }

    public Task WaitAsync(TimeSpan timeout) => _consumed.Task.WaitAsync(timeout);

    public Task PostConsume<TMessage>(ConsumeContext<TMessage> context) where TMessage : class
    {
        if (context.Message is T message && OnEndpoint(context) && _match(message) && Interlocked.Decrement(ref _remaining) <= 0)
            _consumed.TrySetResult();
        return Task.CompletedTask;
    }

    private bool OnEndpoint(ConsumeContext context) =>
        _endpoint is null || context.ReceiveContext.InputAddress.AbsolutePath.EndsWith("-" + _endpoint, StringComparison.Ordinal)
            || context.ReceiveContext.InputAddress.AbsolutePath.EndsWith("/" + _endpoint, StringComparison.Ordinal);

    public Task PreConsume<TMessage>(ConsumeContext<TMessage> context) where TMessage : class => Task.CompletedTask;

    // A fault may be retried; only a finished consumption completes the signal.
    public Task ConsumeFault<TMessage>(ConsumeContext<TMessage> context, Exception exception) where TMessage : class => Task.CompletedTask;

    public void Dispose() => _handle.Disconnect();
}
