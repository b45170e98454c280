using InvestmentPlatform.Data.Access;
using Microsoft.AspNetCore.Identity;

namespace InvestmentPlatform.Api.Access;

/// <summary>Creating a user with a role, for the bootstrap, the setup link and the users API alike.</summary>
public static class AdminAccount
{
    /// <returns>Identity's complaints about the name and password; empty when both are acceptable.</returns>
    public static async Task<IReadOnlyList<string>> ValidateAsync(UserManager<PlatformUser> users, PlatformUser candidate, string password)
    {
        var errors = new List<string>();
        foreach (var validator in users.PasswordValidators)
            errors.AddRange((await validator.ValidateAsync(users, candidate, password)).Errors.Select(e => e.Description));
        foreach (var validator in users.UserValidators)
            errors.AddRange((await validator.ValidateAsync(users, candidate)).Errors.Select(e => e.Description));
        return errors;
    }

    public static async Task<(PlatformUser? User, IReadOnlyList<string> Errors)> CreateAsync(
        UserManager<PlatformUser> users, string name, string password, string role, TimeProvider clock)
    {
        var user = new PlatformUser { UserName = name, CreatedAt = clock.GetUtcNow().UtcDateTime };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
            return (null, created.Errors.Select(e => e.Description).ToList());
        var added = await users.AddToRoleAsync(user, role);
        return added.Succeeded ? (user, []) : (null, added.Errors.Select(e => e.Description).ToList());
    }
}
