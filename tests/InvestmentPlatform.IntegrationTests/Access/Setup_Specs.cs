using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InvestmentPlatform.Api.Access;
using InvestmentPlatform.IntegrationTests.Api;
using InvestmentPlatform.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace InvestmentPlatform.IntegrationTests.Access;

[Collection(IntegrationCollection.Name)]
public sealed class When_the_platform_starts_with_no_user : IAsyncLifetime
{
    private ApiHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await ApiHost.StartAsync(ApiDatabase.Sqlite, settings: new Dictionary<string, string?> { ["Auth:BootstrapAdminPassword"] = "" });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Should_let_the_setup_token_create_the_admin_once()
    {
        var state = await _host.Anonymous().GetFromJsonAsync<JsonElement>("/api/auth/setup");
        Assert.True(state.GetProperty("required").GetBoolean());
        // The token the console showed; the spec takes a fresh one from the same place.
        var token = _host.Factory.Services.GetRequiredService<SetupToken>().Open();

        await ProblemAssert.IsProblemAsync(await _host.Anonymous().PostAsJsonAsync("/api/auth/setup",
            new { token = "ips_wrong", username = "owner", password = "Owner-pass-123" }), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await _host.Anonymous().PostAsJsonAsync("/api/auth/setup",
            new { token, username = "owner", password = "short" }), HttpStatusCode.BadRequest, "password");

        var created = await _host.Anonymous().PostAsJsonAsync("/api/auth/setup", new { token, username = "owner", password = "Owner-pass-123" });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var access = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
        Assert.Equal("admin", (await _host.WithToken(access).GetFromJsonAsync<JsonElement>("/api/auth/me")).GetProperty("role").GetString());
        var audit = await _host.WithToken(access).GetFromJsonAsync<JsonElement>("/api/audit");
        Assert.Contains(audit.GetProperty("items").EnumerateArray(),
            e => e.GetProperty("path").GetString() == "/api/auth/setup" && e.GetProperty("userName").GetString() == "owner");

        await ProblemAssert.IsProblemAsync(await _host.Anonymous().PostAsJsonAsync("/api/auth/setup",
            new { token, username = "intruder", password = "Owner-pass-123" }), HttpStatusCode.Forbidden);
        Assert.False((await _host.Anonymous().GetFromJsonAsync<JsonElement>("/api/auth/setup")).GetProperty("required").GetBoolean());
    }
}

[Collection(IntegrationCollection.Name)]
public sealed class When_the_API_is_documented : IAsyncLifetime
{
    private ApiHost _host = null!;

    public async Task InitializeAsync() => _host = await ApiHost.StartAsync(ApiDatabase.Sqlite);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Should_show_the_security_schemes_and_keep_the_document_behind_a_credential()
    {
        Assert.Equal(HttpStatusCode.OK, (await _host.Anonymous().GetAsync("/docs/index.html")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.Anonymous().GetAsync("/docs/v1/openapi.json")).StatusCode);
        var doc = await _host.Client.GetFromJsonAsync<JsonElement>("/docs/v1/openapi.json");
        var schemes = doc.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("bearer", schemes.GetProperty("Bearer").GetProperty("scheme").GetString());
        Assert.Equal("X-Api-Key", schemes.GetProperty("ApiKey").GetProperty("name").GetString());
    }
}
