using System.Globalization;
using System.Security.Claims;
using InvestmentPlatform.Api.Access;
using InvestmentPlatform.Api.Http;
using InvestmentPlatform.Data.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;

namespace InvestmentPlatform.Api.Apis;

public static class AuthApi
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/auth").WithTags("Auth");
        api.MapPost("/login", Login).AllowAnonymous().RequireRateLimiting(RateLimits.SignIn);
        api.MapPost("/refresh", Refresh).AllowAnonymous().RequireRateLimiting(RateLimits.SignIn);
        api.MapPost("/logout", Logout).AllowAnonymous().RequireRateLimiting(RateLimits.SignIn);
        api.MapGet("/setup", SetupStatus).AllowAnonymous();
        api.MapPost("/setup", Setup).AllowAnonymous().RequireRateLimiting(RateLimits.SignIn);
        api.MapGet("/me", Me).RequireAuthorization(AccessPolicies.Read);
        return app;
    }

    private static ProblemHttpResult SignInFailed() =>
        TypedResults.Problem(title: "Sign-in failed", statusCode: StatusCodes.Status401Unauthorized,
            detail: "Unknown user name or wrong password.");

    private static async Task<Results<Ok<TokenPair>, ProblemHttpResult>> Login(
        LoginRequest body, UserManager<PlatformUser> users, TokenService tokens, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.Username) || string.IsNullOrEmpty(body.Password))
            return ApiProblems.BadRequest("username", "username and password are required.");
        var user = await users.FindByNameAsync(body.Username.Trim());
        if (user is null || user.IsDisabled)
            return SignInFailed();
        if (await users.IsLockedOutAsync(user))
            return LockedOut(user, http, clock);
        if (!await users.CheckPasswordAsync(user, body.Password))
        {
            await users.AccessFailedAsync(user);
            return await users.IsLockedOutAsync(user) ? LockedOut(user, http, clock) : SignInFailed();
        }
        await users.ResetAccessFailedCountAsync(user);
        return TypedResults.Ok(await tokens.IssueAsync(user, ct));
    }

    private static ProblemHttpResult LockedOut(PlatformUser user, HttpContext http, TimeProvider clock)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(((user.LockoutEnd ?? clock.GetUtcNow()) - clock.GetUtcNow()).TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(title: "Too many failed sign-ins", statusCode: StatusCodes.Status429TooManyRequests,
            detail: $"The account is locked after repeated failed sign-ins; retry after {seconds} s.");
    }

    private static async Task<Results<Ok<TokenPair>, ProblemHttpResult>> Refresh(RefreshRequest body, TokenService tokens, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(body.RefreshToken))
            return ApiProblems.BadRequest("refreshToken", "refreshToken is required.");
        return await tokens.RefreshAsync(body.RefreshToken, ct) is { } pair
            ? TypedResults.Ok(pair)
            : TypedResults.Problem(title: "Session ended", statusCode: StatusCodes.Status401Unauthorized,
                detail: "The refresh token is unknown, expired or revoked: sign in again.");
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Logout(RefreshRequest body, TokenService tokens, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(body.RefreshToken))
            return ApiProblems.BadRequest("refreshToken", "refreshToken is required.");
        await tokens.RevokeAsync(body.RefreshToken, ct);
        return TypedResults.NoContent();
    }

    private static Ok<SetupState> SetupStatus(SetupToken setup) => TypedResults.Ok(new SetupState(setup.IsOpen));

    private static async Task<Results<Ok<TokenPair>, ProblemHttpResult>> Setup(
        SetupRequest body, SetupToken setup, UserManager<PlatformUser> users, TokenService tokens, TimeProvider clock,
        AuditInterceptor audit, HttpContext http, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.Username) || string.IsNullOrEmpty(body.Password))
            return ApiProblems.BadRequest("password", "username and password are required.");
        var candidate = new PlatformUser { UserName = body.Username.Trim() };
        if (await AdminAccount.ValidateAsync(users, candidate, body.Password) is { Count: > 0 } invalid)
            return ApiProblems.BadRequest("password", string.Join(" ", invalid));
        if (users.Users.Any() || !setup.TryConsume(body.Token))
            return TypedResults.Problem(title: "Setup is closed", statusCode: StatusCodes.Status403Forbidden,
                detail: "The setup link is invalid or was already used.");
        // Nobody is signed in yet, so the audit row names the account the setup link created.
        audit.Expect(new AuditedChange(null, candidate.UserName, null, http.Request.Method, http.Request.Path.Value ?? ""));
        var (admin, errors) = await AdminAccount.CreateAsync(users, candidate.UserName, body.Password, AccessRoles.Admin, clock);
        return admin is null
            ? ApiProblems.BadRequest("username", string.Join(" ", errors))
            : TypedResults.Ok(await tokens.IssueAsync(admin, ct));
    }

    private static Ok<CurrentUserDto> Me(ClaimsPrincipal user) =>
        TypedResults.Ok(new CurrentUserDto(user.UserIdOf() ?? "", user.Identity?.Name ?? "",
            user.FindFirstValue(AccessClaims.Role) ?? AccessRoles.Viewer, user.KeyIdOf()));
}
