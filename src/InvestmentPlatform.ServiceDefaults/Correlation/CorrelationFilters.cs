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

/// <summary>Stamps outgoing messages with the current correlation id (header, and CorrelationId when unset).</summary>
public sealed class CorrelationSendFilter<T> : IFilter<SendContext<T>>, IFilter<PublishContext<T>> where T : class
{
    public Task Send(SendContext<T> context, IPipe<SendContext<T>> next)
    {
        Stamp(context);
        return next.Send(context);
    }

    public Task Send(PublishContext<T> context, IPipe<PublishContext<T>> next)
    {
        Stamp(context);
        return next.Send(context);
    }

    private static void Stamp(SendContext context)
    {
        var id = context.Headers.Get<string>(CorrelationId.HeaderName) is { } header && Guid.TryParse(header, out var h)
            ? h
            : CorrelationId.Current ?? context.CorrelationId;
        if (id is null)
            return;
        context.CorrelationId ??= id;
        context.Headers.Set(CorrelationId.HeaderName, id.ToString());
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("correlationId");
}
