namespace InvestmentPlatform.Api.Access;

/// <summary>The three user roles, ordered by what they may do, and the API key scopes that match them.</summary>
public static class AccessRoles
{
    public const string Admin = "admin";
    public const string Analyst = "analyst";
    public const string Viewer = "viewer";

    public static readonly string[] All = [Viewer, Analyst, Admin];

    public const string ReadScope = "read";
    public const string WriteScope = "write";
    public const string AdminScope = "admin";
    /// <summary>An extra scope a key may carry besides its level: scraping /metrics.</summary>
    public const string MetricsScope = "metrics";

    public static readonly string[] Scopes = [ReadScope, WriteScope, AdminScope];

    public static bool IsRole(string? role) => role is not null && All.Contains(role);

    /// <returns>0 viewer, 1 analyst, 2 admin; -1 for anything else.</returns>
    public static int Rank(string? role) => role is null ? -1 : Array.IndexOf(All, role);

    /// <summary>The role a key of this scope acts with.</summary>
    public static string? RoleOfScope(string? scope) => scope switch
    {
        ReadScope => Viewer,
        WriteScope => Analyst,
        AdminScope => Admin,
        _ => null,
    };
}
