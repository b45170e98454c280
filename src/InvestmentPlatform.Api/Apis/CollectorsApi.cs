using Microsoft.AspNetCore.Routing;

namespace InvestmentPlatform.Api.Apis;

public static class CollectorsApi
{
    public static IEndpointRouteBuilder MapCollectorsApi(this IEndpointRouteBuilder app)
    {
        return app;
    }
}
