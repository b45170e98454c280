using MassTransit;

namespace InvestmentPlatform.Messaging.Resilience;

/// <summary>A receive endpoint that is ready again means the broker is back.</summary>
public sealed class BrokerRecoveryObserver(OutageLog outage) : IReceiveEndpointObserver
{
    public Task Ready(ReceiveEndpointReady ready)
    {
        outage.Recovered(OutageLog.Broker);
        return Task.CompletedTask;
    }

    public Task Stopping(ReceiveEndpointStopping stopping) => Task.CompletedTask;

    public Task Completed(ReceiveEndpointCompleted completed) => Task.CompletedTask;

    public Task Faulted(ReceiveEndpointFaulted faulted) => Task.CompletedTask;
}
