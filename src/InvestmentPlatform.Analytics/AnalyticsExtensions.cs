using MassTransit;
using Microsoft.Extensions.Hosting;

namespace InvestmentPlatform.Analytics;

public static class AnalyticsExtensions
{
    /// <summary>Registers the Analytics module's services.</summary>
    public static IHostApplicationBuilder AddAnalytics(this IHostApplicationBuilder builder)
    {
        return builder;
    }

    /// <summary>Registers the Analytics module's bus consumers.</summary>
    public static IBusRegistrationConfigurator AddAnalyticsConsumers(this IBusRegistrationConfigurator bus)
    {
        return bus;
    }
}
