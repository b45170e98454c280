using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using InvestmentPlatform.IntegrationTests.Infrastructure;

namespace InvestmentPlatform.IntegrationTests.Cli;

/// <summary>The CLI against a platform running as its own process on a real port, through the REST API with API keys.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class When_the_CLI_talks_to_a_remote_platform : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private PlatformProcess _platform = null!;
    private string _writeKey = null!;
    private string _readKey = null!;

    private string Host => _platform.Address.ToString();

    public async Task InitializeAsync()
    {
        var services = await TestServices.GetAsync();
        _database = await TestServices.CreateDatabaseAsync();
        _platform = PlatformProcess.Start("api,worker", new PlatformProcessSettings(_database.ConnectionString, services, $"cli{Guid.NewGuid():N}"[..12]));
        Assert.True(await _platform.WaitReadyAsync(TimeSpan.FromSeconds(90)), _platform.Tail());

        using var admin = _platform.CreateClient();
        var created = await admin.PostAsJsonAsync("/api/users", new { userName = "scripts", password = "Scripts-pass-1", role = "analyst" });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        using var anonymous = new HttpClient { BaseAddress = _platform.Address };
        var token = await TestAccess.SignInAsync(anonymous, "scripts", "Scripts-pass-1");
        _writeKey = await TestAccess.CreateKeyAsync(anonymous, token, "write", name: "cli write");
        _readKey = await TestAccess.CreateKeyAsync(anonymous, token, "read", name: "cli read");
    }

    public async Task DisposeAsync()
    {
        await _platform.DisposeAsync();
        await _database.DisposeAsync();
    }

    private static readonly string[] Range = ["--from", "2024-01-01", "--to", "2024-01-11"];

    [Fact]
    public async Task Should_collect_and_query_through_the_api_with_a_key_from_the_option_or_the_environment()
    {
        var collect = await CliProcess.RunAsync(new Dictionary<string, string?>(),
            ["collect", "--host", Host, "--api-key", _writeKey, "--source", "synthetic", "--symbol", "CLIR", "--asset-type", "stock", "--seed", "7", .. Range]);
        Assert.True(collect.ExitCode == 0, collect.ToString());
        Assert.Matches(@"^request [0-9a-f-]{36}: succeeded", collect.OutputLines[0]);
        Assert.StartsWith("CLIR", collect.OutputLines[2]);

        using var admin = _platform.CreateClient();
        var requests = await admin.GetFromJsonAsync<JsonElement>("/api/ingestion/requests");
        Assert.Equal(1, requests.GetProperty("totalCount").GetInt64());

        var query = await CliProcess.RunAsync(new Dictionary<string, string?> { ["IP_HOST"] = Host, ["IP_API_KEY"] = _readKey },
            ["query", "--symbol", "CLIR", .. Range]);
        Assert.True(query.ExitCode == 0, query.ToString());
        Assert.Equal("time,open,high,low,close,adj_close,volume", query.OutputLines[0]);
        Assert.True(query.OutputLines.Length > 1, query.ToString());
        Assert.StartsWith("2024-01-", query.OutputLines[1]);
        Assert.Contains($"{query.OutputLines.Length - 1} rows of CLIR (stock, 1d)", query.Errors);
    }

    [Fact]
    public async Task Should_say_once_why_the_platform_refused_and_exit_non_zero()
    {
        var unknown = await CliProcess.RunAsync(new Dictionary<string, string?>(),
            ["query", "--host", Host, "--api-key", "ipk_not_a_key", "--symbol", "CLIR", .. Range]);
        Assert.Equal(1, unknown.ExitCode);
        var line = Assert.Single(unknown.ErrorLines);
        Assert.Contains("refused the API key (401)", line);

        var tooLow = await CliProcess.RunAsync(new Dictionary<string, string?> { ["IP_HOST"] = Host, ["IP_API_KEY"] = _readKey },
            ["collect", "--source", "synthetic", "--symbol", "NOPE", .. Range]);
        Assert.Equal(1, tooLow.ExitCode);
        Assert.Contains("may not do this (403)", Assert.Single(tooLow.ErrorLines));

        var noKey = await CliProcess.RunAsync(new Dictionary<string, string?> { ["IP_HOST"] = Host },
            ["query", "--symbol", "CLIR", .. Range]);
        Assert.Equal(2, noKey.ExitCode);
        Assert.Contains("needs an API key", Assert.Single(noKey.ErrorLines));

        var unreachable = await CliProcess.RunAsync(new Dictionary<string, string?>(),
            ["query", "--host", $"http://127.0.0.1:{ClosedPort()}", "--api-key", _readKey, "--symbol", "CLIR", .. Range]);
        Assert.Equal(1, unreachable.ExitCode);
        Assert.Contains("cannot reach the platform", Assert.Single(unreachable.ErrorLines));

        using var admin = _platform.CreateClient();
        Assert.Equal(0, (await admin.GetFromJsonAsync<JsonElement>("/api/ingestion/requests")).GetProperty("totalCount").GetInt64());
    }

    /// <summary>A loopback port nothing listens on: bound, read, released.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
