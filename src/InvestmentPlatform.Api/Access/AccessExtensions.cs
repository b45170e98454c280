using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace InvestmentPlatform.Api.Access;

public static class AccessExtensions
{
    /// <summary>The default scheme: an API key when one is sent, else a bearer access token.</summary>
    public const string PlatformScheme = "Platform";
    public const string ApiKeyScheme = "ApiKey";

    /// <summary>
    /// Identity (users, roles, lockout) on the platform database, bearer tokens signed with a persisted key, API keys,
    /// the authorization policies with their fallback, rate limits, and the start-up bootstrap of roles and admin.
    /// </summary>
    public static IHostApplicationBuilder AddPlatformAccess(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AccessOptions>().BindConfiguration(AccessOptions.Section);
        var settings = builder.Configuration.GetSection(AccessOptions.Section).Get<AccessOptions>() ?? new AccessOptions();
        services.TryAddSingleton(TimeProvider.System);

        services.AddIdentityCore<PlatformUser>(o =>
            {
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = settings.MaxFailedSignIns;
                o.Lockout.DefaultLockoutTimeSpan = settings.LockoutDuration;
                o.User.RequireUniqueEmail = false;
                o.Password.RequiredLength = 8;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<PlatformDbContext>();

        // One application name for every process of a deployment, so they share the key ring stored in the database.
        services.AddDataProtection().SetApplicationName("InvestmentPlatform").PersistKeysToDbContext<PlatformDbContext>();
        services.AddSingleton<SigningKeys>();
        services.AddSingleton<SetupToken>();
        services.AddScoped<TokenService>();
        services.AddHostedService<AccessBootstrap>();
        services.AddAuditTrail();

        services.AddAuthentication(PlatformScheme)
            .AddPolicyScheme(PlatformScheme, null, o => o.ForwardDefaultSelector = context =>
                ApiKeyAuthenticationHandler.Read(context.Request) is not null ? ApiKeyScheme : JwtBearerDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyScheme, null)
            .AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<SigningKeys>((o, keys) =>
            {
                o.MapInboundClaims = false;
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = TokenService.Issuer,
                    ValidAudience = TokenService.Audience,
                    NameClaimType = AccessClaims.Name,
                    RoleClaimType = AccessClaims.Role,
                    ClockSkew = TimeSpan.FromSeconds(30),
                    IssuerSigningKeyResolver = (_, _, _, _) => [keys.Current],
                };
                o.Events = new JwtBearerEvents
                {
                    // Browsers cannot set headers on a WebSocket, so the hub takes the token from the query string.
                    OnMessageReceived = context =>
                    {
                        if (context.HttpContext.Request.Path.StartsWithSegments(HubPath)
                            && context.Request.Query["access_token"].ToString() is { Length: > 0 } token)
                            context.Token = token;
                        return Task.CompletedTask;
                    },
                    OnTokenValidated = SessionCheck.ValidateAsync,
                };
            });

        AccessPolicies.Add(services.AddAuthorizationBuilder());
        services.AddPlatformRateLimits(builder.Configuration);
        return builder;
    }

    public const string HubPath = "/hubs";

    /// <summary>Authentication, rate limits, authorization (the fallback policy covers everything after this) and the audit trail.</summary>
    public static WebApplication UsePlatformAccess(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseAuditTrail();
        return app;
    }
}
