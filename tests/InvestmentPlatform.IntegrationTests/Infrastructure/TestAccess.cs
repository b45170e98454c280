using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;

namespace InvestmentPlatform.IntegrationTests.Infrastructure;

/// <summary>
/// Every test host seeds an admin with an API key (admin and metrics scopes) and hands out clients that carry it,
/// so specs about other things need no credential code. Specs about access make their own users and keys.
/// </summary>
public static class TestAccess
{
    public const string AdminUser = "admin";
    public const string AdminPassword = "Test-admin-pass-1";
    public const string ApiKeyHeader = "X-Api-Key";

    /// <summary>A fresh bootstrap admin key for one deployment.</summary>
    public static string NewAdminKey() => $"ipk_test_{Guid.NewGuid():N}";

    /// <summary>The bootstrap admin with <paramref name="adminKey"/>, and limits no functional spec reaches.</summary>
    public static void Configure(IWebHostBuilder builder, string adminKey)
    {
        builder.UseSetting("Auth:BootstrapAdminPassword", AdminPassword);
        builder.UseSetting("Auth:BootstrapApiKey", adminKey);
        builder.UseSetting("RateLimits:PermitsPerUser", "1000000");
        builder.UseSetting("RateLimits:PermitsPerAnonymousIp", "1000000");
        builder.UseSetting("RateLimits:SignInPermitsPerIp", "1000000");
    }

    /// <summary>Signs in and returns the access token. Pass a bare client (TestServer.CreateClient()): a host's clients
    /// carry the admin key, which would take precedence over the token.</summary>
    public static async Task<string> SignInAsync(HttpClient client, string user = AdminUser, string password = AdminPassword)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login")
        {
            Content = JsonContent.Create(new { username = user, password }),
        };
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"sign-in as {user}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("accessToken").GetString()!;
    }

    /// <summary>Creates a key as the holder of <paramref name="accessToken"/> and returns its secret.</summary>
    public static async Task<string> CreateKeyAsync(HttpClient client, string accessToken, string scope, bool metrics = false, string? name = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/keys")
        {
            Content = JsonContent.Create(new { name = name ?? $"test {scope}", scope, metrics }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"key {scope}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("secret").GetString()!;
    }
}
