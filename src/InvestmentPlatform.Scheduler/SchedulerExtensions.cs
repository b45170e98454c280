using MassTransit;
using Microsoft.Extensions.Hosting;

namespace InvestmentPlatform.Scheduler;

public static class SchedulerExtensions
{
    /// <summary>Registers the Scheduler module's services.</summary>
    public static IHostApplicationBuilder AddScheduler(this IHostApplicationBuilder builder)
    {
        return builder;
    }

    /// <summary>Registers the Scheduler module's bus consumers.</summary>
    public static IBusRegistrationConfigurator AddSchedulerConsumers(this IBusRegistrationConfigurator bus)
    {
        return bus;
    }
}
