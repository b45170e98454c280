using InvestmentPlatform.Api.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace InvestmentPlatform.Api.OpenApi;

/// <summary>
/// Documents the answers the access rules give every endpoint, so each operation lists them without repeating them at
/// every mapping: 401 where a credential is needed, and 403 where the role matters beyond reading (a change needs
/// analyst, an admin endpoint admin). Both are ProblemDetails.
/// </summary>
internal sealed class AccessProblemsOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any())
            return;
        var policies = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).ToList();
        var change = AccessPolicies.IsChange(context.ApiDescription.HttpMethod ?? "GET");
        var stricter = policies.Any(p => p is AccessPolicies.Admin or AccessPolicies.Write or AccessPolicies.Metrics)
                       || (change && !policies.Contains(AccessPolicies.Read));
        operation.Responses ??= new OpenApiResponses();
        Add(operation, context, "401", "No valid credential: sign in or send an API key.");
        if (stricter)
            Add(operation, context, "403", "The credential's role (or an API key's scope) does not allow this.");
    }

    private static void Add(OpenApiOperation operation, OperationFilterContext context, string status, string description)
    {
        if (operation.Responses!.ContainsKey(status))
            return;
        var schema = context.SchemaGenerator.GenerateSchema(typeof(ProblemDetails), context.SchemaRepository);
        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, IOpenApiMediaType> { ["application/problem+json"] = new OpenApiMediaType { Schema = schema } },
        };
    }
}
