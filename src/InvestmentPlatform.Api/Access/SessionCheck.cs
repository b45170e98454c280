using InvestmentPlatform.Data;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InvestmentPlatform.Api.Access;

/// <summary>
/// Checks every access token against its user as stored now: disabled, gone, or with a security stamp changed since
/// the token was issued (password reset, role change, disable) refuses it. Read from the database on each request,
/// like an API key, so every api process refuses it at once; a cache would leave each process a window.
/// </summary>
public static class SessionCheck
{
    public static async Task ValidateAsync(TokenValidatedContext context)
    {
        var principal = context.Principal;
        var userId = principal?.UserIdOf();
        var stamp = principal?.FindFirst(AccessClaims.Stamp)?.Value;
        if (userId is null || string.IsNullOrEmpty(stamp))
        {
            context.Fail("The access token is from an older sign-in: sign in again.");
            return;
        }
        var db = context.HttpContext.RequestServices.GetRequiredService<PlatformDbContext>();
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.SecurityStamp, u.IsDisabled }).FirstOrDefaultAsync(context.HttpContext.RequestAborted);
        if (user is null || user.IsDisabled || user.SecurityStamp != stamp)
            context.Fail("The session has ended: the user was disabled or their password or role changed.");
    }
}
