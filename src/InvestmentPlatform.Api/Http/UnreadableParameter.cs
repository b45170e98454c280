using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;

namespace InvestmentPlatform.Api.Http;

/// <summary>
/// Names the route or query parameter whose value cannot be read, for a 400 the endpoint's generated binding answered
/// without a body: the request delegate generator throws for most binding failures (which
/// <see cref="ProblemExceptionHandler"/> describes), but for an optional value such as <c>page=abc</c> it only sets
/// the status. The detail names the parameter, never its .NET type, and does not echo the value.
/// </summary>
internal static class UnreadableParameter
{
    public static void Describe(ProblemDetailsContext context)
    {
        if (context.ProblemDetails.Status != StatusCodes.Status400BadRequest || context.Exception is not null
            || context.ProblemDetails.Detail is not null)
            return;
        var http = context.HttpContext;
        var parameters = http.GetEndpoint()?.Metadata.GetOrderedMetadata<IParameterBindingMetadata>() ?? [];
        foreach (var parameter in parameters.Where(p => p.HasTryParse))
        {
            var raw = http.GetRouteValue(parameter.Name) as string ?? (string?)http.Request.Query[parameter.Name];
            if (!string.IsNullOrEmpty(raw) && !CanParse(parameter.ParameterInfo.ParameterType, raw))
            {
                context.ProblemDetails.Title = "Bad request";
                context.ProblemDetails.Detail = $"The value of '{parameter.Name}' cannot be read.";
                return;
            }
        }
    }

    private static bool CanParse(Type type, string raw)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
            return true;
        if (type.IsEnum)
            return Enum.TryParse(type, raw, ignoreCase: true, out _);
        var tryParse = type.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static,
            [typeof(string), typeof(IFormatProvider), type.MakeByRefType()]);
        // A type whose parser this cannot call is not blamed: the generic 400 stays.
        return tryParse is null || (bool)tryParse.Invoke(null, [raw, CultureInfo.InvariantCulture, null])!;
    }
}
