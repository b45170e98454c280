using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace InvestmentPlatform.Messaging.Faults;

public static class FaultLedgerExtensions
{
    /// <summary>
    /// Keeps faulted messages in the message_faults table instead of _error queues, alike on both transports, and
    /// re-drives the transient ones; every process runs the ledger and the re-driver, which share the work safely.
    /// </summary>
    public static IBusRegistrationConfigurator AddFaultLedger(this IBusRegistrationConfigurator bus)
    {
        bus.AddOptions<FaultLedgerOptions>().BindConfiguration(FaultLedgerOptions.Section);
        bus.TryAddScoped<FaultRedrive>();
        bus.AddConsumer<FaultLedgerConsumer, FaultLedgerConsumerDefinition>();
        bus.AddHostedService<FaultRedriver>();
        return bus;
    }

    /// <summary>Every endpoint but the ledger's own discards a faulted message once its Fault event is published.</summary>
    public static void KeepFaultsInLedger(this IBusFactoryConfigurator cfg, IBusRegistrationContext context) =>
        cfg.ConnectEndpointConfigurationObserver(
            new FaultedMessagesToLedger(context.GetRequiredService<IEndpointNameFormatter>().Consumer<FaultLedgerConsumer>()));

    private sealed class FaultedMessagesToLedger(string ledgerQueue) : IEndpointConfigurationObserver
    {
        public void EndpointConfigured<T>(T configurator) where T : IReceiveEndpointConfigurator
        {
            if (configurator.InputAddress.Segments.LastOrDefault()?.Trim('/') != ledgerQueue)
                configurator.DiscardFaultedMessages();
        }
    }
}
