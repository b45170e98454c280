using Microsoft.AspNetCore.Routing;

namespace InvestmentPlatform.Api.Apis;

public static class SchedulerApi
{
    public static IEndpointRouteBuilder MapSchedulerApi(this IEndpointRouteBuilder app)
    {
        return app;
    }
}
