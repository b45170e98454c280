using MassTransit;

namespace InvestmentPlatform.ServiceDefaults.Correlation;

public static class CorrelationExtensions
{
    /// <summary>Carries the correlation id through every receive endpoint: into consumer log scopes and onto what they send.</summary>
    public static IBusRegistrationConfigurator AddCorrelationFilters(this IBusRegistrationConfigurator bus)
    {
        bus.AddConfigureEndpointsCallback((context, _, endpoint) =>
        {
            endpoint.UseConsumeFilter(typeof(CorrelationConsumeFilter<>), context);
            endpoint.UseSendFilter(typeof(CorrelationSendFilter<>), context);
            endpoint.UsePublishFilter(typeof(CorrelationSendFilter<>), context);
        });
        return bus;
    }
}
