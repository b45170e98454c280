using InvestmentPlatform.Analytics;
using InvestmentPlatform.Api.Apis;
using InvestmentPlatform.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InvestmentPlatform.Api.Access;

/// <summary>
/// A portfolio ({id} in the route) belongs to the user who made it: anyone else but an admin gets the same 404
/// as for a portfolio that does not exist, so its existence does not leak.
/// </summary>
public sealed class PortfolioOwnerFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.GetRouteValue("id") is string raw && Guid.TryParse(raw, out var id) && !http.User.IsAdmin())
        {
            var db = http.RequestServices.GetRequiredService<PlatformDbContext>();
            var owner = await db.Portfolios.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.OwnerId })
                .FirstOrDefaultAsync(http.RequestAborted);
            if (owner is not null && owner.OwnerId != http.User.UserIdOf())
                return AnalyticsApi.Problem(AnalyticsException.NotFound("id", $"Portfolio {id} does not exist."));
        }
        return await next(context);
    }
}
