using MassTransit;
using SerilogLogContext = Serilog.Context.LogContext;

namespace InvestmentPlatform.ServiceDefaults.Correlation;

/// <summary>Reads the correlation id of a consumed message into the async flow and the log scope.</summary>
public sealed class CorrelationConsumeFilter<T> : IFilter<ConsumeContext<T>> where T : class
{
    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        var id = context.Headers.Get<string>(CorrelationId.HeaderName) is { } header && Guid.TryParse(header, out var h)
            ? h
            : context.CorrelationId;
        if (id is null)
        {
            await next.Send(context);
            return;
        }
        var previous = CorrelationId.Current;
        CorrelationId.Current = id;
        try
        {
            using (SerilogLogContext.PushProperty(CorrelationId.LogProperty, id))
                await next.Send(context);
        }
        finally
        {
            CorrelationId.Current = previous;
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("correlationId");
}

/// <summary>
/// Stamps every outgoing message, whether sent by a consumer or straight from the bus (the outbox relay), with the
/// current correlation id: the X-Correlation-Id header, and CorrelationId when the sender left it unset.
/// </summary>
public sealed class CorrelationSendObserver : ISendObserver, IPublishObserver
{
    public Task PreSend<T>(SendContext<T> context) where T : class
    {
        Stamp(context);
        return Task.CompletedTask;
    }

    public Task PrePublish<T>(PublishContext<T> context) where T : class
    {
        Stamp(context);
        return Task.CompletedTask;
    }

    public Task PostSend<T>(SendContext<T> context) where T : class => Task.CompletedTask;
    public Task SendFault<T>(SendContext<T> context, Exception exception) where T : class => Task.CompletedTask;
    public Task PostPublish<T>(PublishContext<T> context) where T : class => Task.CompletedTask;
    public Task PublishFault<T>(PublishContext<T> context, Exception exception) where T : class => Task.CompletedTask;

    private static void Stamp(SendContext context)
    {
        var id = context.Headers.Get<string>(CorrelationId.HeaderName) is { } header && Guid.TryParse(header, out var h)
            ? h
            : context.CorrelationId ?? CorrelationId.Current;
        if (id is null)
            return;
        context.CorrelationId ??= id;
        context.Headers.Set(CorrelationId.HeaderName, id.ToString());
    }
}
