using InvestmentPlatform.Api.Collectors;
using InvestmentPlatform.Api.OpenApi;
using InvestmentPlatform.Collectors.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace InvestmentPlatform.Api.Apis;

public static class CollectorsApi
{
    public static IEndpointRouteBuilder MapCollectorsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/collectors", List).WithTags("Collectors").WithName("ListCollectors")
            .WithSummary("Sources with their asset types, intervals, history limits and options")
            .WithExample(ApiExamples.Collectors);
        return app;
    }

    private static Ok<List<CollectorDto>> List(ICollectorRegistry registry) =>
        TypedResults.Ok(registry.Sources.OrderBy(s => s.Name).Select(CollectorDto.From).ToList());
}
