using MassTransit;

namespace InvestmentPlatform.Messaging;

/// <summary>
/// Receive endpoints a module names itself (one queue per source, say) rather than by consumer. They are configured in
/// the bus factory, so they start and stop with the bus; an endpoint connected at run time could still be waiting for
/// its first connection when the bus stops, and that stop never returned.
/// </summary>
public sealed record ExplicitReceiveEndpoints(Action<IBusRegistrationContext, IReceiveConfigurator> Configure);
