using Microsoft.AspNetCore.Routing;

namespace InvestmentPlatform.Api.Apis;

public static class AnalyticsApi
{
    public static IEndpointRouteBuilder MapAnalyticsApi(this IEndpointRouteBuilder app)
    {
        return app;
    }
}
