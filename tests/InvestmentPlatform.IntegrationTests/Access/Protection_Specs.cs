using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InvestmentPlatform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using InvestmentPlatform.IntegrationTests.Api;
using InvestmentPlatform.IntegrationTests.Infrastructure;

namespace InvestmentPlatform.IntegrationTests.Access;

[Collection(IntegrationCollection.Name)]
public sealed class When_portfolios_belong_to_users : IAsyncLifetime
{
    private ApiHost _host = null!;

    public async Task InitializeAsync() => _host = await ApiHost.StartAsync(ApiDatabase.Sqlite);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Should_hide_a_portfolio_from_everyone_but_its_owner_and_admins()
    {
        var alice = _host.WithToken(await _host.CreateUserAsync("alice", "analyst"));
        var bob = _host.WithToken(await _host.CreateUserAsync("bob", "analyst"));
        var created = await alice.PostAsJsonAsync("/api/portfolios", new { name = "Alice's", baseCurrency = "USD" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.OK, (await alice.GetAsync($"/api/portfolios/{id}")).StatusCode);
        await ProblemAssert.IsProblemAsync(await bob.GetAsync($"/api/portfolios/{id}"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await bob.GetAsync($"/api/portfolios/{id}/holdings"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await bob.DeleteAsync($"/api/portfolios/{id}"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await bob.GetAsync($"/api/analytics/portfolio/{id}"), HttpStatusCode.NotFound);
        Assert.Equal(0, (await bob.GetFromJsonAsync<JsonElement>("/api/portfolios")).GetProperty("totalCount").GetInt64());
        Assert.Equal(1, (await alice.GetFromJsonAsync<JsonElement>("/api/portfolios")).GetProperty("totalCount").GetInt64());
        Assert.Equal(HttpStatusCode.OK, (await _host.Client.GetAsync($"/api/portfolios/{id}")).StatusCode);
    }
}

[Collection(IntegrationCollection.Name)]
public sealed class When_changes_are_audited : IAsyncLifetime
{
    private ApiHost _host = null!;

    public async Task InitializeAsync() => _host = await ApiHost.StartAsync(ApiDatabase.Sqlite);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<JsonElement[]> RowsAsync(string path) =>
        (await _host.Client.GetFromJsonAsync<JsonElement>($"/api/audit?path={Uri.EscapeDataString(path)}")).GetProperty("items").EnumerateArray().ToArray();

    [Fact]
    public async Task Should_write_one_row_per_successful_change_and_none_for_a_failed_one()
    {
        var analyst = _host.WithToken(await _host.CreateUserAsync("auditee", "analyst"));
        var asset = new { symbol = "AUD1", name = "Audited", assetType = "stock", currency = "USD", source = ApiHost.TestSource };
        Assert.Equal(HttpStatusCode.Created, (await analyst.PostAsJsonAsync("/api/assets", asset)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await analyst.PostAsJsonAsync("/api/assets", asset)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await analyst.PostAsJsonAsync("/api/assets", new { symbol = "" })).StatusCode);

        var row = Assert.Single(await RowsAsync("/api/assets"));
        Assert.Equal("auditee", row.GetProperty("userName").GetString());
        Assert.Equal("POST", row.GetProperty("method").GetString());
        Assert.Contains("Asset added", row.GetProperty("changes").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await analyst.DeleteAsync("/api/assets/AUD1")).StatusCode);
        Assert.Single(await RowsAsync("/api/assets/AUD1"));
    }

    [Fact]
    public async Task Should_show_the_log_to_admins_only()
    {
        var analyst = _host.WithToken(await _host.CreateUserAsync("curious", "analyst"));
        await ProblemAssert.IsProblemAsync(await analyst.GetAsync("/api/audit"), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await _host.Client.GetAsync("/api/audit")).StatusCode);
    }
}

[Collection(IntegrationCollection.Name)]
public sealed class When_an_audited_change_fails_to_commit : IAsyncLifetime
{
    private ApiHost _host = null!;

    public async Task InitializeAsync() => _host = await ApiHost.StartAsync(ApiDatabase.Postgres);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task SqlAsync(string sql)
    {
        await using var scope = _host.Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Database.ExecuteSqlRawAsync(sql);
    }

    private async Task<JsonElement[]> RowsAsync(string path) =>
        (await _host.Client.GetFromJsonAsync<JsonElement>($"/api/audit?path={Uri.EscapeDataString(path)}")).GetProperty("items").EnumerateArray().ToArray();

    private static object Asset(string symbol) => new { symbol, name = symbol, assetType = "stock", currency = "USD", source = ApiHost.TestSource };

    [Fact]
    public async Task Should_leave_no_audit_row_when_the_change_fails_at_commit()
    {
        // Checked at COMMIT, after both the asset and its audit row were inserted.
        await SqlAsync("""
            CREATE FUNCTION refuse_at_commit() RETURNS trigger LANGUAGE plpgsql AS
              $$ BEGIN RAISE EXCEPTION 'refused at commit'; END $$;
            CREATE CONSTRAINT TRIGGER refuse_at_commit AFTER INSERT ON assets DEFERRABLE INITIALLY DEFERRED
              FOR EACH ROW WHEN (NEW.symbol = 'COMMITX') EXECUTE FUNCTION refuse_at_commit();
            """);

        var failed = await _host.Client.PostAsJsonAsync("/api/assets", Asset("COMMITX"));
        Assert.False(failed.IsSuccessStatusCode, $"{(int)failed.StatusCode}");
        await ProblemAssert.IsProblemAsync(await _host.Client.GetAsync("/api/assets/COMMITX"), HttpStatusCode.NotFound);
        Assert.Empty(await RowsAsync("/api/assets"));

        Assert.Equal(HttpStatusCode.Created, (await _host.Client.PostAsJsonAsync("/api/assets", Asset("COMMITOK"))).StatusCode);
        Assert.Single(await RowsAsync("/api/assets"));
    }

    [Fact]
    public async Task Should_write_one_row_for_a_change_of_several_saves_or_an_explicit_transaction()
    {
        // A job is saved inside the dependency lock's transaction, committed after the save.
        var job = await _host.Client.PostAsJsonAsync("/api/scheduler/jobs", new
        {
            name = "audited", source = ApiHost.TestSource, symbols = new[] { "AUDJ" }, interval = "1d",
            schedule = new { kind = "interval", intervalSeconds = 86400 }, enabled = false,
        });
        Assert.Equal(HttpStatusCode.Created, job.StatusCode);
        Assert.Contains("SchedulerJob added", Assert.Single(await RowsAsync("/api/scheduler/jobs")).GetProperty("changes").GetString());

        // Role, password and disable: Identity saves each on its own.
        var created = await _host.Client.PostAsJsonAsync("/api/users", new { userName = "several", password = "User-pass-123", role = "analyst" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var update = await _host.Client.PutAsJsonAsync($"/api/users/{id}", new { role = "viewer", password = "Other-pass-456", disabled = true });
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        Assert.Single(await RowsAsync($"/api/users/{id}"));
    }

    [Fact]
    public async Task Should_leave_no_change_when_the_audit_row_cannot_be_written()
    {
        Assert.Equal(HttpStatusCode.Created, (await _host.Client.PostAsJsonAsync("/api/assets", Asset("KEEPME"))).StatusCode);
        await SqlAsync("""
            CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS
              $$ BEGIN RAISE EXCEPTION 'audit refused'; END $$;
            CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log
              FOR EACH ROW WHEN (NEW.method = 'DELETE' OR NEW.path = '/api/scheduler/jobs') EXECUTE FUNCTION refuse_audit();
            """);

        var delete = await _host.Client.DeleteAsync("/api/assets/KEEPME");
        Assert.False(delete.IsSuccessStatusCode, $"{(int)delete.StatusCode}");
        Assert.Equal(HttpStatusCode.OK, (await _host.Client.GetAsync("/api/assets/KEEPME")).StatusCode);

        // A job is written inside an explicit transaction (the dependency lock): the audit row fails it just the same.
        var job = await _host.Client.PostAsJsonAsync("/api/scheduler/jobs", new
        {
            name = "unaudited", source = ApiHost.TestSource, symbols = new[] { "KEEPME" }, interval = "1d",
            schedule = new { kind = "interval", intervalSeconds = 86400 }, enabled = false,
        });
        Assert.False(job.IsSuccessStatusCode, $"{(int)job.StatusCode}");
        Assert.Equal(0, (await _host.Client.GetFromJsonAsync<JsonElement>("/api/scheduler/jobs")).GetProperty("totalCount").GetInt64());
        Assert.Single(await RowsAsync("/api/assets"));
    }
}

[Collection(IntegrationCollection.Name)]
public sealed class When_requests_come_too_fast : IAsyncLifetime
{
    private ApiHost _host = null!;

    public async Task InitializeAsync() => _host = await ApiHost.StartAsync(ApiDatabase.Sqlite, settings: new Dictionary<string, string?>
    {
        ["RateLimits:PermitsPerUser"] = "5",
        ["RateLimits:SignInPermitsPerIp"] = "3",
        ["RateLimits:Window"] = "00:10:00",
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Should_answer_429_with_Retry_After_past_the_limit_of_a_key()
    {
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.OK, (await _host.Client.GetAsync("/api/assets")).StatusCode);
        var refused = await _host.Client.GetAsync("/api/assets");
        await ProblemAssert.IsProblemAsync(refused, (HttpStatusCode)429);
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single()) > 0);
        // Liveness probes are never refused.
        Assert.Equal(HttpStatusCode.OK, (await _host.Client.GetAsync("/api/health/live")).StatusCode);
    }

    [Fact]
    public async Task Should_limit_sign_in_attempts_per_address()
    {
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Unauthorized,
                (await _host.Anonymous().PostAsJsonAsync("/api/auth/login", new { username = "x", password = "y" })).StatusCode);
        var refused = await _host.Anonymous().PostAsJsonAsync("/api/auth/login", new { username = "x", password = "y" });
        await ProblemAssert.IsProblemAsync(refused, (HttpStatusCode)429);
        Assert.True(refused.Headers.Contains("Retry-After"));
    }
}

[Collection(IntegrationCollection.Name)]
public sealed class When_a_browser_page_from_elsewhere_calls : IAsyncLifetime
{
    private ApiHost _host = null!;

    public async Task InitializeAsync() => _host = await ApiHost.StartAsync(ApiDatabase.Sqlite);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static HttpRequestMessage Negotiate(string? origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/hubs/events/negotiate?negotiateVersion=1");
        if (origin is not null)
            request.Headers.Add("Origin", origin);
        return request;
    }

    [Fact]
    public async Task Should_refuse_the_hub_without_a_token()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.Anonymous().SendAsync(Negotiate(null))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _host.Client.SendAsync(Negotiate(null))).StatusCode);
    }

    [Fact]
    public async Task Should_refuse_the_hub_from_a_foreign_origin_even_with_a_token()
    {
        await ProblemAssert.IsProblemAsync(await _host.Client.SendAsync(Negotiate("http://evil.example")), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await _host.Client.SendAsync(Negotiate("http://localhost"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _host.Client.SendAsync(Negotiate("http://localhost:5173"))).StatusCode);
    }

    [Fact]
    public async Task Should_refuse_a_cross_site_change_that_carries_no_credential()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/scheduler/jobs/{Guid.NewGuid()}/pause");
        request.Headers.Add("Origin", "http://evil.example");
        await ProblemAssert.IsProblemAsync(await _host.Anonymous().SendAsync(request), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Should_refuse_an_unknown_Host_header()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/health/live");
        request.Headers.Host = "rebound.example";
        Assert.Equal(HttpStatusCode.BadRequest, (await _host.Anonymous().SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task Should_send_the_security_headers()
    {
        var response = await _host.Anonymous().GetAsync("/api/health/live");
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
    }
}
