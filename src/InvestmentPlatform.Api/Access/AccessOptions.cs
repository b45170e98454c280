namespace InvestmentPlatform.Api.Access;

/// <summary>Settings under Auth: the seeded admin and the lifetimes of tokens.</summary>
public sealed class AccessOptions
{
    public const string Section = "Auth";

    /// <summary>Name of the admin seeded from <see cref="BootstrapAdminPassword"/>.</summary>
    public string BootstrapAdminUser { get; set; } = "admin";

    /// <summary>When set, an admin with this password is created at start-up if that user does not exist (automation, CI).</summary>
    public string? BootstrapAdminPassword { get; set; }

    /// <summary>When set with the password, the bootstrap admin also gets this API key (admin and metrics scopes), for
    /// automation that cannot sign in first: a Prometheus scrape, CI. At least 32 characters.</summary>
    public string? BootstrapApiKey { get; set; }

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>Failed sign-ins before Identity locks the account, and for how long.</summary>
    public int MaxFailedSignIns { get; set; } = 5;
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Where the first-start setup link points (the dashboard's address).</summary>
    public string? PublicUrl { get; set; }
}
