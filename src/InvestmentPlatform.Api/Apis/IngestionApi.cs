using Microsoft.AspNetCore.Routing;

namespace InvestmentPlatform.Api.Apis;

public static class IngestionApi
{
    public static IEndpointRouteBuilder MapIngestionApi(this IEndpointRouteBuilder app)
    {
        return app;
    }
}
