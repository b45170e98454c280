using System.Collections.Concurrent;
using System.Net.Sockets;
using InvestmentPlatform.Messaging.Faults;
using MassTransit;

namespace InvestmentPlatform.IntegrationTests.Faults;

/// <summary>A message whose consumer fails as told: once with a broken connection (transient), or always (permanent).</summary>
public sealed record LedgerProbe(Guid Id, string Failure);

public sealed record ProbeDelivery(int Attempt, int? Redrives);

public sealed class LedgerProbeConsumer : IConsumer<LedgerProbe>
{
    public const string TransientOnce = "transient-once";
    public const string Permanent = "permanent";

    public static readonly ConcurrentDictionary<Guid, ConcurrentQueue<ProbeDelivery>> Deliveries = new();

    public Task Consume(ConsumeContext<LedgerProbe> context)
    {
        var mine = Deliveries.GetOrAdd(context.Message.Id, _ => new ConcurrentQueue<ProbeDelivery>());
        mine.Enqueue(new ProbeDelivery(mine.Count + 1, context.Headers.Get<int>(FaultLedgerConsumer.RedrivesHeader)));
        return context.Message.Failure switch
        {
            TransientOnce when mine.Count == 1 => throw new SocketException((int)SocketError.ConnectionRefused),
            Permanent => throw new InvalidOperationException($"probe {context.Message.Id} cannot be handled"),
            _ => Task.CompletedTask,
        };
    }
}
