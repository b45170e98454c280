using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InvestmentPlatform.Api.Http;

/// <summary>The ProblemDetails answers every area uses, so errors look the same everywhere.</summary>
public static class ApiProblems
{
    /// <summary>400 with one message per offending field.</summary>
    public static ProblemHttpResult BadRequest(IDictionary<string, string[]> errors, string title = "The request is invalid") =>
        TypedResults.Problem(title: title, statusCode: StatusCodes.Status400BadRequest,
            detail: string.Join(" ", errors.SelectMany(e => e.Value)),
            extensions: new Dictionary<string, object?> { ["errors"] = errors });

    public static ProblemHttpResult BadRequest(string field, string message) =>
        BadRequest(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>422: well-formed, but not something the platform can do (unsupported interval, window too long).</summary>
    public static ProblemHttpResult Unprocessable(string field, string message) =>
        TypedResults.Problem(title: "The request cannot be processed", statusCode: StatusCodes.Status422UnprocessableEntity,
            detail: message,
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [message] } });

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(title: "Not found", statusCode: StatusCodes.Status404NotFound, detail: detail);

    public static ProblemHttpResult PayloadTooLarge(string detail) =>
        TypedResults.Problem(title: "The request body is too large", statusCode: StatusCodes.Status413PayloadTooLarge, detail: detail);

    public static ProblemHttpResult UnsupportedMediaType(string detail) =>
        TypedResults.Problem(title: "Unsupported content type", statusCode: StatusCodes.Status415UnsupportedMediaType, detail: detail);

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(title: "Forbidden", statusCode: StatusCodes.Status403Forbidden, detail: detail);

    /// <summary>
    /// 409 for an edit whose <c>version</c> is older than the stored one; the field error on <c>version</c> tells a
    /// form to offer a reload rather than a fix.
    /// </summary>
    public static ProblemHttpResult Stale(string detail) =>
        TypedResults.Problem(title: "Changed since it was read", statusCode: StatusCodes.Status409Conflict, detail: detail,
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["version"] = [detail] } });

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(title: "Conflict", statusCode: StatusCodes.Status409Conflict, detail: detail);
}
