using MassTransit;
using Microsoft.Extensions.Hosting;

namespace InvestmentPlatform.Ingestion;

public static class IngestionExtensions
{
    /// <summary>Registers the Ingestion module's services.</summary>
    public static IHostApplicationBuilder AddIngestion(this IHostApplicationBuilder builder)
    {
        return builder;
    }

    /// <summary>Registers the Ingestion module's bus consumers.</summary>
    public static IBusRegistrationConfigurator AddIngestionConsumers(this IBusRegistrationConfigurator bus)
    {
        return bus;
    }
}
