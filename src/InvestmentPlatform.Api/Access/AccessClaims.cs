using System.Security.Claims;

namespace InvestmentPlatform.Api.Access;

/// <summary>The claims every credential (access token or API key) carries, and how to read them.</summary>
public static class AccessClaims
{
    public const string UserId = "sub";
    public const string Name = "name";
    public const string Role = "role";
    public const string Scope = "scope";
    public const string KeyId = "key_id";
    /// <summary>The user's security stamp when the access token was issued; a changed stamp ends the token.</summary>
    public const string Stamp = "stamp";

    public static string? UserIdOf(this ClaimsPrincipal user) => user.FindFirstValue(UserId);
    public static Guid? KeyIdOf(this ClaimsPrincipal user) => Guid.TryParse(user.FindFirstValue(KeyId), out var id) ? id : null;
    public static bool IsAdmin(this ClaimsPrincipal user) => user.IsInRole(AccessRoles.Admin);
}
