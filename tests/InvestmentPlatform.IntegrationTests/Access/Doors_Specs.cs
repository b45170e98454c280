using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using InvestmentPlatform.Api.Access;
using InvestmentPlatform.IntegrationTests.Api;
using InvestmentPlatform.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace InvestmentPlatform.IntegrationTests.Access;

/// <summary>
/// Every operation the host maps, read from its endpoint data source so a new one cannot slip through: refused
/// without a credential, refused with a key one scope short, let through with the right one.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed partial class When_every_door_is_tried : IAsyncLifetime
{
    /// <summary>The documented anonymous operations: health, and getting or ending a session.</summary>
    private static readonly string[] Anonymous =
    [
        "GET /api/health", "GET /api/health/live", "GET /api/health/ready",
        "POST /api/auth/login", "POST /api/auth/refresh", "POST /api/auth/logout", "GET /api/auth/setup", "POST /api/auth/setup",
    ];

    private ApiHost _host = null!;
    private readonly Dictionary<string, string> _keys = [];

    public async Task InitializeAsync()
    {
        _host = await ApiHost.StartAsync(ApiDatabase.Sqlite);
        var token = await TestAccess.SignInAsync(_host.Anonymous());
        foreach (var scope in new[] { "read", "write", "admin" })
            _keys[scope] = await TestAccess.CreateKeyAsync(_host.Anonymous(), token, scope);
        _keys["admin+metrics"] = _host.AdminKey;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private sealed record Door(string Method, string Pattern, string Path, string? Policy, bool IsAnonymous)
    {
        public override string ToString() => $"{Method} {Pattern}";
    }

    private List<Door> Doors()
    {
        var doors = new List<Door>();
        foreach (var endpoint in _host.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            // A group's "/" child ("/api/assets/") is the group's own path.
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").Trim('/');
            // The dashboard's client-side routes and the /api 404 catch-all are not operations.
            if (pattern.Contains("{*path") || pattern.Contains("{**path") || pattern.StartsWith("/hubs/"))
                continue;
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var policy = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null);
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            foreach (var method in methods)
                doors.Add(new Door(method, pattern, Fill(pattern), policy, anonymous));
        }
        return doors;
    }

    private static string Fill(string pattern) => RouteParameter().Replace(pattern, m =>
        m.Groups[2].Value.Contains("guid") ? Guid.NewGuid().ToString()
        : m.Groups[2].Value.Contains("int") || m.Groups[2].Value.Contains("long") ? "987654"
        : "NO-SUCH-THING");

    /// <summary>The lowest key that may pass, and the one just below it (null when nothing is lower).</summary>
    private static (string Right, string? Short) KeysFor(Door door) => door.Policy switch
    {
        AccessPolicies.Metrics => ("admin+metrics", "admin"),
        AccessPolicies.Admin => ("admin", "write"),
        AccessPolicies.Write => ("write", "read"),
        AccessPolicies.Read => ("read", null),
        _ => AccessPolicies.IsChange(door.Method) ? ("write", "read") : ("read", null),
    };

    private async Task<HttpResponseMessage> SendAsync(HttpClient client, Door door)
    {
        using var request = new HttpRequestMessage(new HttpMethod(door.Method), door.Path);
        if (door.Method is "POST" or "PUT" or "PATCH")
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Should_find_the_doors_of_every_area()
    {
        var doors = Doors().Select(d => d.ToString()).ToList();
        foreach (var expected in new[] { "GET /api/assets", "DELETE /api/portfolios/{id:guid}", "POST /api/scheduler/jobs", "GET /metrics",
                     "GET /api/users", "POST /api/keys", "GET /api/audit", "POST /api/ingestion/requests",
                     "GET /api/ingestion/errors", "POST /api/ingestion/errors/{id:guid}/redrive", "DELETE /api/ingestion/errors/{id:guid}" })
            Assert.Contains(expected, doors);
        Assert.True(doors.Count > 40, $"only {doors.Count} operations found");
    }

    [Fact]
    public async Task Should_leave_open_only_the_documented_anonymous_operations()
    {
        var open = Doors().Where(d => d.IsAnonymous).Select(d => $"{d.Method} {d.Pattern}").Order().ToList();
        Assert.Equal(Anonymous.Order().ToList(), open);
    }

    [Fact]
    public async Task Should_refuse_every_other_operation_without_a_credential()
    {
        var failures = new List<string>();
        foreach (var door in Doors().Where(d => !d.IsAnonymous))
        {
            var response = await SendAsync(_host.Anonymous(), door);
            if (response.StatusCode != HttpStatusCode.Unauthorized)
                failures.Add($"{door}: {(int)response.StatusCode}");
            else if (door.Pattern.StartsWith("/api") && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                failures.Add($"{door}: 401 without ProblemDetails");
        }
        Assert.Empty(failures);
    }

    [Fact]
    public async Task Should_refuse_a_key_one_scope_short_and_let_the_right_one_through()
    {
        var failures = new List<string>();
        var tried = 0;
        foreach (var door in Doors().Where(d => !d.IsAnonymous))
        {
            var (right, below) = KeysFor(door);
            if (below is not null)
            {
                tried++;
                var refused = await SendAsync(_host.WithKey(_keys[below]), door);
                if (refused.StatusCode != HttpStatusCode.Forbidden)
                    failures.Add($"{door} with a {below} key: {(int)refused.StatusCode}, expected 403");
            }
            var passed = await SendAsync(_host.WithKey(_keys[right]), door);
            if (passed.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden || (int)passed.StatusCode >= 500)
                failures.Add($"{door} with a {right} key: {(int)passed.StatusCode}");
        }
        Assert.Empty(failures);
        Assert.True(tried > 20, $"only {tried} operations have a scope below theirs");
    }

    [GeneratedRegex(@"\{(\*{0,2}\w+)(:[^}]*)?\}")]
    private static partial Regex RouteParameter();
}
