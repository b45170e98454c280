using System.Linq.Expressions;
using System.Security.Claims;
using InvestmentPlatform.Data.Ingestion;

namespace InvestmentPlatform.Api.Access;

/// <summary>
/// Whose collection requests' details a user may read, as the live events route them: a request submitted through the
/// API (or a scheduler run, which carries its job's owner) is its owner's; a command-line request (no owner, no job)
/// is everyone's; admins see all. Anyone else gets the 404 of a request that does not exist.
/// </summary>
public static class RequestVisibility
{
    public static Expression<Func<IngestionRequest, bool>> VisibleTo(ClaimsPrincipal user)
    {
        if (user.IsAdmin())
            return _ => true;
        var id = user.UserIdOf();
        return id is null
            ? r => r.RequestedBy == null && r.JobId == null
            : r => r.RequestedBy == id || (r.RequestedBy == null && r.JobId == null);
    }
}
