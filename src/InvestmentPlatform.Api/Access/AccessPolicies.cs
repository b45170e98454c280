using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace InvestmentPlatform.Api.Access;

/// <summary>
/// Who may call what. Every endpoint without its own policy gets <see cref="Fallback"/>: reads need viewer, changes
/// analyst. Users, keys of others and the audit log need admin; /metrics needs a key with the metrics scope.
/// </summary>
public static class AccessPolicies
{
    public const string Read = "read";
    public const string Write = "write";
    public const string Admin = "admin";
    public const string Metrics = "metrics";

    public static readonly string[] ReadRoles = [AccessRoles.Viewer, AccessRoles.Analyst, AccessRoles.Admin];
    public static readonly string[] WriteRoles = [AccessRoles.Analyst, AccessRoles.Admin];

    public static readonly AuthorizationPolicy Fallback = new AuthorizationPolicyBuilder()
        .RequireAuthenticatedUser()
        .AddRequirements(new MethodAccessRequirement())
        .Build();

    public static void Add(AuthorizationBuilder auth) => auth
        .SetFallbackPolicy(Fallback)
        .AddPolicy(Read, p => p.RequireAuthenticatedUser().RequireRole(ReadRoles))
        .AddPolicy(Write, p => p.RequireAuthenticatedUser().RequireRole(WriteRoles))
        .AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireRole(AccessRoles.Admin))
        .AddPolicy(Metrics, p => p.RequireAuthenticatedUser().RequireClaim(AccessClaims.Scope, AccessRoles.MetricsScope));

    /// <summary>Whether a request with this method changes something (and so needs analyst).</summary>
    public static bool IsChange(string method) =>
        !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method));
}

/// <summary>The fallback rule: a read needs viewer, a change needs analyst.</summary>
public sealed class MethodAccessRequirement : AuthorizationHandler<MethodAccessRequirement>, IAuthorizationRequirement
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, MethodAccessRequirement requirement)
    {
        var method = context.Resource is HttpContext http ? http.Request.Method : HttpMethods.Post;
        var roles = AccessPolicies.IsChange(method) ? AccessPolicies.WriteRoles : AccessPolicies.ReadRoles;
        if (roles.Any(context.User.IsInRole))
            context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
