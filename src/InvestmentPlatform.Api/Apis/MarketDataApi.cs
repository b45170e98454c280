using Microsoft.AspNetCore.Routing;

namespace InvestmentPlatform.Api.Apis;

public static class MarketDataApi
{
    public static IEndpointRouteBuilder MapMarketDataApi(this IEndpointRouteBuilder app)
    {
        return app;
    }
}
