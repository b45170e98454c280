using InvestmentPlatform.Api.Access;
using InvestmentPlatform.Api.Http;
using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.Api.Apis;

/// <summary>The admin manages users: invite (create with a first password), set role, disable.</summary>
public static class UsersApi
{
    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/users").WithTags("Users").RequireAuthorization(AccessPolicies.Admin);
        api.MapGet("/", List);
        api.MapPost("/", Create);
        api.MapGet("/{id}", Get);
        api.MapPut("/{id}", Update);
        return app;
    }

    private static async Task<Ok<IReadOnlyList<UserDto>>> List(PlatformDbContext db, CancellationToken ct)
    {
        var users = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(ct);
        var roles = await RolesAsync(db, ct);
        return TypedResults.Ok<IReadOnlyList<UserDto>>(users.Select(u => ToDto(u, roles)).ToList());
    }

    private static async Task<Results<Ok<UserDto>, ProblemHttpResult>> Get(string id, PlatformDbContext db, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct);
        return user is null ? ApiProblems.NotFound($"No user {id}.") : TypedResults.Ok(ToDto(user, await RolesAsync(db, ct)));
    }

    private static async Task<Results<Created<UserDto>, ProblemHttpResult>> Create(
        CreateUserRequest body, UserManager<PlatformUser> users, PlatformDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.UserName) || string.IsNullOrEmpty(body.Password))
            return ApiProblems.BadRequest("userName", "userName and password are required.");
        if (!AccessRoles.IsRole(body.Role))
            return ApiProblems.BadRequest("role", $"role must be one of {string.Join(", ", AccessRoles.All)}.");
        var name = body.UserName.Trim();
        if (await users.FindByNameAsync(name) is not null)
            return ApiProblems.Conflict($"A user named {name} exists.");
        var candidate = new PlatformUser { UserName = name };
        if (await AdminAccount.ValidateAsync(users, candidate, body.Password) is { Count: > 0 } invalid)
            return ApiProblems.BadRequest("password", string.Join(" ", invalid));
        var (user, errors) = await AdminAccount.CreateAsync(users, name, body.Password, body.Role!, clock);
        if (user is null)
            return ApiProblems.BadRequest("userName", string.Join(" ", errors));
        return TypedResults.Created($"/api/users/{user.Id}", ToDto(user, await RolesAsync(db, ct)));
    }

    private static async Task<Results<Ok<UserDto>, ProblemHttpResult>> Update(
        string id, UpdateUserRequest body, UserManager<PlatformUser> users, TokenService tokens, PlatformDbContext db,
        System.Security.Claims.ClaimsPrincipal caller, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
            return ApiProblems.NotFound($"No user {id}.");
        if (body.Role is not null && !AccessRoles.IsRole(body.Role))
            return ApiProblems.BadRequest("role", $"role must be one of {string.Join(", ", AccessRoles.All)}.");
        // An admin who demotes or disables themself could leave the install with no admin at all.
        if (user.Id == caller.UserIdOf() && (body.Disabled == true || body.Role is not null and not AccessRoles.Admin))
            return ApiProblems.Conflict("An admin cannot demote or disable themself.");
        if (body.Password is { Length: > 0 } password)
        {
            if (await AdminAccount.ValidateAsync(users, user, password) is { Count: > 0 } invalid)
                return ApiProblems.BadRequest("password", string.Join(" ", invalid));
            await users.RemovePasswordAsync(user);
            await users.AddPasswordAsync(user, password);
            await tokens.RevokeAllAsync(user.Id, ct);
        }
        if (body.Role is { } role)
        {
            await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user));
            await users.AddToRoleAsync(user, role);
            // Tokens carry the role they were issued with: a new stamp ends them, and a refresh issues the new role.
            await users.UpdateSecurityStampAsync(user);
        }
        if (body.Disabled is { } disabled && disabled != user.IsDisabled)
        {
            user.IsDisabled = disabled;
            await users.UpdateAsync(user);
            await users.UpdateSecurityStampAsync(user);
            if (disabled)
                await tokens.RevokeAllAsync(user.Id, ct);
        }
        return TypedResults.Ok(ToDto(user, await RolesAsync(db, ct)));
    }

    private static async Task<Dictionary<string, string>> RolesAsync(PlatformDbContext db, CancellationToken ct)
    {
        var pairs = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name })
            .ToListAsync(ct);
        return pairs.GroupBy(x => x.UserId).ToDictionary(g => g.Key,
            g => g.Select(x => x.Name ?? AccessRoles.Viewer).OrderByDescending(AccessRoles.Rank).First());
    }

    private static UserDto ToDto(PlatformUser u, Dictionary<string, string> roles) =>
        new(u.Id, u.UserName ?? "", roles.GetValueOrDefault(u.Id, AccessRoles.Viewer), u.IsDisabled,
            u.LockoutEnd > DateTimeOffset.UtcNow ? u.LockoutEnd.Value.UtcDateTime : null, u.CreatedAt);
}
