using InvestmentPlatform.ServiceDefaults;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace InvestmentPlatform.Host;

public static class RoleReadiness
{
    private const string BusCheck = "masstransit-bus";

    /// <summary>
    /// The broker decides readiness only where the work arrives by it (worker, scheduler): the api role accepts requests
    /// into its outbox while the broker is away, so a probe keeps it in rotation.
    /// </summary>
    public static WebApplicationBuilder AddRoleReadiness(this WebApplicationBuilder builder, PlatformRoles roles)
    {
        builder.Services.PostConfigure<HealthCheckServiceOptions>(o =>
        {
            foreach (var check in o.Registrations.Where(r => r.Name == BusCheck))
            {
                if (roles.Worker || roles.Scheduler)
                    check.Tags.Add(ServiceDefaultsExtensions.ReadyTag);
                else
                    check.Tags.Remove(ServiceDefaultsExtensions.ReadyTag);
            }
        });
        return builder;
    }
}
