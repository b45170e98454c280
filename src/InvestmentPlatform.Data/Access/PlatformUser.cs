using Microsoft.AspNetCore.Identity;

namespace InvestmentPlatform.Data.Access;

/// <summary>A person who signs in. Password hash, lockout and roles are Identity's.</summary>
public class PlatformUser : IdentityUser
{
    public DateTime CreatedAt { get; set; }
    /// <summary>A disabled user can neither sign in nor use a token, refresh token or API key.</summary>
    public bool IsDisabled { get; set; }
}
