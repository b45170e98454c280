using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace InvestmentPlatform.Api.OpenApi;

/// <summary>Example response (and request body) of an endpoint, shown in Swagger UI.</summary>
public sealed record ApiExample(object Response, object? Request = null);

public static class ApiExampleExtensions
{
    public static RouteHandlerBuilder WithExample(this RouteHandlerBuilder builder, object response, object? request = null) =>
        builder.WithMetadata(new ApiExample(response, request));
}

/// <summary>Copies <see cref="ApiExample"/> metadata into the OpenAPI document as media-type examples.</summary>
internal sealed class ApiExampleOperationFilter : IOperationFilter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var example = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<ApiExample>().LastOrDefault();
        if (example is null)
            return;

        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (!status.StartsWith('2') || response.Content is null)
                continue;
            foreach (var (type, media) in response.Content)
                if (type.Contains("json") && media is OpenApiMediaType concrete)
                    concrete.Example = JsonSerializer.SerializeToNode(example.Response, Json);
        }
        if (example.Request is not null && operation.RequestBody?.Content is { } content)
            foreach (var media in content.Values.OfType<OpenApiMediaType>())
                media.Example = JsonSerializer.SerializeToNode(example.Request, Json);
    }
}
