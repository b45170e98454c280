using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InvestmentPlatform.Api.Access;
using InvestmentPlatform.Data.Access;
using InvestmentPlatform.IntegrationTests.Api;
using InvestmentPlatform.IntegrationTests.Infrastructure;

namespace InvestmentPlatform.IntegrationTests.Access;

[Collection(IntegrationCollection.Name)]
public sealed class When_users_sign_in : IAsyncLifetime
{
    private ApiHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await ApiHost.StartAsync(ApiDatabase.Sqlite, settings: new Dictionary<string, string?> { ["Auth:MaxFailedSignIns"] = "3" });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<HttpResponseMessage> LoginAsync(string user, string password) =>
        await _host.Anonymous().PostAsJsonAsync("/api/auth/login", new { username = user, password });

    [Fact]
    public async Task Should_answer_an_access_token_that_names_the_user_and_role()
    {
        var response = await LoginAsync(TestAccess.AdminUser, TestAccess.AdminPassword);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("expiresIn").GetInt32() > 0);
        var me = await _host.WithToken(body.GetProperty("accessToken").GetString()!).GetFromJsonAsync<JsonElement>("/api/auth/me");
        Assert.Equal(TestAccess.AdminUser, me.GetProperty("userName").GetString());
        Assert.Equal("admin", me.GetProperty("role").GetString());
    }

    [Fact]
    public async Task Should_refuse_a_wrong_password_with_problem_details()
    {
        await ProblemAssert.IsProblemAsync(await LoginAsync(TestAccess.AdminUser, "wrong-password"), HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(await LoginAsync("nobody", "wrong-password"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Should_lock_the_account_after_repeated_failures_even_for_the_right_password()
    {
        await _host.CreateUserAsync("locked", "viewer");
        for (var i = 0; i < 2; i++)
            await ProblemAssert.IsProblemAsync(await LoginAsync("locked", "wrong-password"), HttpStatusCode.Unauthorized);
        var third = await LoginAsync("locked", "wrong-password");
        await ProblemAssert.IsProblemAsync(third, (HttpStatusCode)429);
        var right = await LoginAsync("locked", "User-pass-123");
        await ProblemAssert.IsProblemAsync(right, (HttpStatusCode)429);
        Assert.True(int.Parse(right.Headers.GetValues("Retry-After").Single()) > 0);
    }

    [Fact]
    public async Task Should_rotate_the_refresh_token_and_end_every_session_when_a_used_one_comes_back()
    {
        var first = await (await LoginAsync(TestAccess.AdminUser, TestAccess.AdminPassword)).Content.ReadFromJsonAsync<JsonElement>();
        var refresh = first.GetProperty("refreshToken").GetString();
        var second = await _host.Anonymous().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = refresh });
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var next = (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refreshToken").GetString();
        Assert.NotEqual(refresh, next);

        // The used token again: only a thief replays one, so the live one dies too.
        await ProblemAssert.IsProblemAsync(
            await _host.Anonymous().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = refresh }), HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(
            await _host.Anonymous().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = next }), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Should_revoke_the_refresh_token_at_logout()
    {
        var pair = await (await LoginAsync(TestAccess.AdminUser, TestAccess.AdminPassword)).Content.ReadFromJsonAsync<JsonElement>();
        var refresh = pair.GetProperty("refreshToken").GetString();
        Assert.Equal(HttpStatusCode.NoContent, (await _host.Anonymous().PostAsJsonAsync("/api/auth/logout", new { refreshToken = refresh })).StatusCode);
        await ProblemAssert.IsProblemAsync(
            await _host.Anonymous().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = refresh }), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Should_refuse_a_disabled_user_and_their_keys()
    {
        var token = await _host.CreateUserAsync("leaver", "analyst");
        var key = await TestAccess.CreateKeyAsync(_host.Anonymous(), token, "write");
        Assert.Equal(HttpStatusCode.OK, (await _host.WithKey(key).GetAsync("/api/assets")).StatusCode);
        var id = (await _host.WithToken(token).GetFromJsonAsync<JsonElement>("/api/auth/me")).GetProperty("id").GetString();

        Assert.Equal(HttpStatusCode.OK, (await _host.Client.PutAsJsonAsync($"/api/users/{id}", new { disabled = true })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.WithKey(key).GetAsync("/api/assets")).StatusCode);
        await ProblemAssert.IsProblemAsync(await LoginAsync("leaver", "User-pass-123"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Should_end_an_access_token_at_once_when_its_users_role_is_lowered_or_password_reset()
    {
        var demoted = await _host.CreateUserAsync("demoted", "analyst");
        var demotedId = (await _host.WithToken(demoted).GetFromJsonAsync<JsonElement>("/api/auth/me")).GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.OK, (await _host.Client.PutAsJsonAsync($"/api/users/{demotedId}", new { role = "viewer" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.WithToken(demoted).GetAsync("/api/assets")).StatusCode);
        var again = _host.WithToken(await TestAccess.SignInAsync(_host.Anonymous(), "demoted", "User-pass-123"));
        Assert.Equal("viewer", (await again.GetFromJsonAsync<JsonElement>("/api/auth/me")).GetProperty("role").GetString());
        await ProblemAssert.IsProblemAsync(await again.PostAsJsonAsync("/api/portfolios", new { name = "No", baseCurrency = "USD" }), HttpStatusCode.Forbidden);

        var reset = await _host.CreateUserAsync("reset", "analyst");
        var resetId = (await _host.WithToken(reset).GetFromJsonAsync<JsonElement>("/api/auth/me")).GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.OK, (await _host.Client.PutAsJsonAsync($"/api/users/{resetId}", new { password = "Another-pass-456" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.WithToken(reset).GetAsync("/api/assets")).StatusCode);
        Assert.Equal(HttpStatusCode.OK,
            (await _host.WithToken(await TestAccess.SignInAsync(_host.Anonymous(), "reset", "Another-pass-456")).GetAsync("/api/assets")).StatusCode);
    }
}

[Collection(IntegrationCollection.Name)]
public sealed class When_API_keys_are_used : IAsyncLifetime
{
    private ApiHost _host = null!;

    public async Task InitializeAsync() => _host = await ApiHost.StartAsync(ApiDatabase.Sqlite);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Should_show_the_secret_once_and_never_the_hash()
    {
        var token = await TestAccess.SignInAsync(_host.Anonymous());
        var created = await _host.WithToken(token).PostAsJsonAsync("/api/keys", new { name = "notebook", scope = "read" });
        var createdText = await created.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var secret = JsonDocument.Parse(createdText).RootElement.GetProperty("secret").GetString()!;

        var listed = await _host.WithToken(token).GetStringAsync("/api/keys");
        Assert.Contains("notebook", listed);
        Assert.DoesNotContain(secret, listed);
        Assert.DoesNotContain("hash", listed, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("hash", createdText, StringComparison.OrdinalIgnoreCase);

        // Both ways of sending a key work.
        Assert.Equal(HttpStatusCode.OK, (await _host.WithKey(secret).GetAsync("/api/assets")).StatusCode);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/assets");
        request.Headers.TryAddWithoutValidation("Authorization", $"ApiKey {secret}");
        Assert.Equal(HttpStatusCode.OK, (await _host.Anonymous().SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task Should_never_let_a_key_outrank_its_owner()
    {
        var viewer = await _host.CreateUserAsync("reader", "viewer");
        var refused = await _host.WithToken(viewer).PostAsJsonAsync("/api/keys", new { name = "too much", scope = "write" });
        await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.Forbidden);

        // An analyst's admin-less write key stops writing once the analyst is demoted.
        var analyst = await _host.CreateUserAsync("demoted", "analyst");
        var key = await TestAccess.CreateKeyAsync(_host.Anonymous(), analyst, "write");
        var asset = new { symbol = "KEY1", name = "Key test", assetType = "stock", currency = "USD", source = ApiHost.TestSource };
        Assert.Equal(HttpStatusCode.Created, (await _host.WithKey(key).PostAsJsonAsync("/api/assets", asset)).StatusCode);
        var id = (await _host.WithToken(analyst).GetFromJsonAsync<JsonElement>("/api/auth/me")).GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.OK, (await _host.Client.PutAsJsonAsync($"/api/users/{id}", new { role = "viewer" })).StatusCode);
        await ProblemAssert.IsProblemAsync(await _host.WithKey(key).DeleteAsync("/api/assets/KEY1"), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await _host.WithKey(key).GetAsync("/api/assets/KEY1")).StatusCode);
    }

    [Fact]
    public async Task Should_refuse_an_expired_or_unknown_key()
    {
        var token = await TestAccess.SignInAsync(_host.Anonymous());
        var past = await _host.WithToken(token).PostAsJsonAsync("/api/keys", new { name = "old", scope = "read", expiresAt = DateTime.UtcNow.AddDays(-1) });
        await ProblemAssert.IsProblemAsync(past, HttpStatusCode.BadRequest, "expiresAt");

        var secret = $"ipk_expired_{Guid.NewGuid():N}";
        var adminId = (await _host.Client.GetFromJsonAsync<JsonElement>("/api/auth/me")).GetProperty("id").GetString()!;
        await _host.InsertAsync([new ApiKey
        {
            Id = Guid.NewGuid(), UserId = adminId, Name = "expired", Prefix = secret[..12], KeyHash = Secrets.Hash(secret),
            Scope = "admin", CreatedAt = DateTime.UtcNow.AddDays(-2), ExpiresAt = DateTime.UtcNow.AddMinutes(-1),
        }]);
        await ProblemAssert.IsProblemAsync(await _host.WithKey(secret).GetAsync("/api/assets"), HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(await _host.WithKey("ipk_not-a-key-at-all").GetAsync("/api/assets"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Should_record_when_a_key_was_last_used()
    {
        var token = await TestAccess.SignInAsync(_host.Anonymous());
        var key = await TestAccess.CreateKeyAsync(_host.Anonymous(), token, "read", name: "used");
        var before = (await _host.WithToken(token).GetFromJsonAsync<JsonElement>("/api/keys")).EnumerateArray()
            .Single(k => k.GetProperty("name").GetString() == "used");
        Assert.Equal(JsonValueKind.Null, before.GetProperty("lastUsedAt").ValueKind);
        await _host.WithKey(key).GetAsync("/api/assets");
        var after = (await _host.WithToken(token).GetFromJsonAsync<JsonElement>("/api/keys")).EnumerateArray()
            .Single(k => k.GetProperty("name").GetString() == "used");
        Assert.Equal(JsonValueKind.String, after.GetProperty("lastUsedAt").ValueKind);
    }
}

[Collection(IntegrationCollection.Name)]
public sealed class When_two_api_processes_share_PostgreSQL_and_RabbitMQ : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private PlatformFactory _first = null!;
    private PlatformFactory _second = null!;

    public async Task InitializeAsync()
    {
        var services = await TestServices.GetAsync();
        _database = await TestServices.CreateDatabaseAsync();
        _first = new PlatformFactory(services, _database.ConnectionString);
        _ = _first.Server;
        _second = new PlatformFactory(services, _database.ConnectionString);
        _ = _second.Server;
    }

    public async Task DisposeAsync()
    {
        await _second.DisposeAsync();
        await _first.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Should_accept_each_others_tokens_and_refuse_a_revoked_key_at_once()
    {
        var token = await TestAccess.SignInAsync(_first.Server.CreateClient());
        var onSecond = _second.Server.CreateClient();
        onSecond.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await onSecond.GetAsync("/api/assets")).StatusCode);

        var key = await TestAccess.CreateKeyAsync(_first.Server.CreateClient(), token, "read", name: "shared");
        var keyOnSecond = _second.Server.CreateClient();
        keyOnSecond.DefaultRequestHeaders.Add(TestAccess.ApiKeyHeader, key);
        Assert.Equal(HttpStatusCode.OK, (await keyOnSecond.GetAsync("/api/assets")).StatusCode);

        var keys = await _first.CreateClient().GetFromJsonAsync<JsonElement>("/api/keys");
        var id = keys.EnumerateArray().Single(k => k.GetProperty("name").GetString() == "shared").GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.NoContent, (await _first.CreateClient().DeleteAsync($"/api/keys/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await keyOnSecond.GetAsync("/api/assets")).StatusCode);
    }

    [Fact]
    public async Task Should_refuse_a_disabled_users_access_token_at_once_on_every_process()
    {
        var created = await _first.CreateClient().PostAsJsonAsync("/api/users", new { userName = "departing", password = "User-pass-123", role = "analyst" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var token = await TestAccess.SignInAsync(_second.Server.CreateClient(), "departing", "User-pass-123");
        var onFirst = _first.Server.CreateClient();
        onFirst.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var onSecond = _second.Server.CreateClient();
        onSecond.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await onFirst.GetAsync("/api/assets")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await onSecond.GetAsync("/api/assets")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await _first.CreateClient().PutAsJsonAsync($"/api/users/{id}", new { disabled = true })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await onSecond.GetAsync("/api/assets")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await onFirst.PostAsJsonAsync("/api/portfolios", new { name = "Late", baseCurrency = "USD" })).StatusCode);
    }
}
