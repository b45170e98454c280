using Microsoft.AspNetCore.Routing;

namespace InvestmentPlatform.Api.Apis;

public static class AssetsApi
{
    public static IEndpointRouteBuilder MapAssetsApi(this IEndpointRouteBuilder app)
    {
        return app;
    }
}
