using MassTransit;

namespace InvestmentPlatform.ServiceDefaults.Correlation;

public static class CorrelationExtensions
{
    /// <summary>Carries the correlation id into consumer log scopes and onto every message sent or published.</summary>
    public static IBusRegistrationConfigurator AddCorrelationFilters(this IBusRegistrationConfigurator bus)
    {
        bus.AddConfigureEndpointsCallback((context, _, endpoint) =>
        {
            endpoint.UseConsumeFilter(typeof(CorrelationConsumeFilter<>), context);
        });
        bus.AddSendObserver<CorrelationSendObserver>();
        bus.AddPublishObserver<CorrelationSendObserver>();
        return bus;
    }
}
