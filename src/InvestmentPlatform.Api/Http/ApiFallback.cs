using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;

namespace InvestmentPlatform.Api.Http;

/// <summary>
/// Answers an /api request no endpoint took. Routing falls through to here also when a path exists but its body's
/// content type or its method does not fit, so those get 415 and 405 rather than 404.
/// </summary>
public static class ApiFallback
{
    public static IResult Answer(HttpContext context, EndpointDataSource endpoints, IInlineConstraintResolver constraints)
    {
        var matches = endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>() is not null && Matches(e, context, constraints))
            .ToList();
        if (matches.Count == 0)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found");

        var sameMethod = matches.Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Contains(context.Request.Method)).ToList();
        if (sameMethod.Count == 0)
            return TypedResults.Problem(statusCode: StatusCodes.Status405MethodNotAllowed, title: "Method not allowed",
                detail: $"Use {string.Join(", ", matches.SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods).Distinct())}.");
        var accepted = sameMethod.SelectMany(e => e.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes ?? []).Distinct().ToList();
        if (accepted.Count == 0)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found");
        return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported content type",
            detail: $"Send {string.Join(" or ", accepted)}.");
    }

    private static bool Matches(RouteEndpoint endpoint, HttpContext context, IInlineConstraintResolver constraints)
    {
        if (endpoint.RoutePattern.Parameters.Any(p => p.IsCatchAll))
            return false;
        var values = new RouteValueDictionary();
        if (!new TemplateMatcher(new RouteTemplate(endpoint.RoutePattern), new RouteValueDictionary()).TryMatch(context.Request.Path, values))
            return false;
        foreach (var (name, policies) in endpoint.RoutePattern.ParameterPolicies)
            foreach (var policy in policies)
                if (policy.Content is { } text && constraints.ResolveConstraint(text) is { } constraint &&
                    !constraint.Match(context, null, name, values, RouteDirection.IncomingRequest))
                    return false;
        return true;
    }
}
