using MassTransit;

namespace InvestmentPlatform.Api.Hubs;

/// <summary>
/// A temporary endpoint unique to this process: every API process gets its own copy of each event (fan-out), rather
/// than competing for them, and the queue disappears with the process.
/// </summary>
public sealed class EventsNotifierDefinition : ConsumerDefinition<EventsNotifier>
{
    public EventsNotifierDefinition()
    {
        Endpoint(e =>
        {
            e.InstanceId = Guid.NewGuid().ToString("N")[..12];
            e.Temporary = true;
        });
    }
}
