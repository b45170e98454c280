using InvestmentPlatform.Api.Http;
using InvestmentPlatform.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InvestmentPlatform.Api.Access;

/// <summary>
/// A job belongs to the user who made it: everyone may read it, but only its owner or an admin may change it, trigger
/// it or cancel its runs. Unlike a portfolio its existence is no secret, so a change by anyone else gets 403, not 404.
/// </summary>
public sealed class JobOwnerFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!AccessPolicies.IsChange(http.Request.Method) || http.User.IsAdmin()
            || http.GetRouteValue("id") is not string raw || !Guid.TryParse(raw, out var id))
            return await next(context);

        var db = http.RequestServices.GetRequiredService<PlatformDbContext>();
        // {id} is a job in /jobs/{id}…, a run in /runs/{id}/cancel, and a template (no owner) in /templates/{id}….
        var route = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "";
        var owner = route.Contains("/jobs/{id", StringComparison.Ordinal)
            ? await db.SchedulerJobs.AsNoTracking().Where(j => j.Id == id).Select(j => new { j.OwnerId }).FirstOrDefaultAsync(http.RequestAborted)
            : route.Contains("/runs/{id", StringComparison.Ordinal)
                ? await (from r in db.JobRuns.AsNoTracking() join j in db.SchedulerJobs.AsNoTracking() on r.JobId equals j.Id
                         where r.Id == id select new { j.OwnerId }).FirstOrDefaultAsync(http.RequestAborted)
                : null;
        // Not found falls through to the endpoint's own 404.
        if (owner is not null && owner.OwnerId != http.User.UserIdOf())
            return ApiProblems.Forbidden("The job belongs to another user: only its owner or an admin may change it.");
        return await next(context);
    }
}
