using Microsoft.AspNetCore.Routing;

namespace InvestmentPlatform.Api.Apis;

public static class PortfolioApi
{
    public static IEndpointRouteBuilder MapPortfolioApi(this IEndpointRouteBuilder app)
    {
        return app;
    }
}
