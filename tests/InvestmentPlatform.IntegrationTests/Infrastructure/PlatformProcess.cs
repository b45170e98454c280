using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace InvestmentPlatform.IntegrationTests.Infrastructure;

/// <summary>Where a platform process finds its database and broker, and the settings every role of one test shares.</summary>
public sealed record PlatformProcessSettings(
    string ConnectionString,
    ServiceEndpoints Broker,
    string EndpointPrefix,
    IReadOnlyDictionary<string, string>? Extra = null)
{
    /// <summary>The bootstrap admin's API key, shared by every process of one deployment; clients carry it.</summary>
    public string AdminKey { get; init; } = TestAccess.NewAdminKey();
}

/// <summary>
/// The Host executable as a real child process with the roles given (Platform__Roles), on a free loopback port.
/// Every HTTP call of a test goes through <see cref="CreateClient"/>.
/// </summary>
public sealed class PlatformProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    public string Roles { get; }
    public Uri Address { get; }
    private readonly string _adminKey;

    private PlatformProcess(string roles, Uri address, string adminKey, Process process)
    {
        Roles = roles;
        Address = address;
        _adminKey = adminKey;
        _process = process;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public bool HasExited => _process.HasExited;
    public int ExitCode => _process.ExitCode;

    /// <summary>Every line the process wrote, standard output and error interleaved.</summary>
    public IReadOnlyList<string> Output => [.. _output];

    /// <param name="command">A Host command after the options, such as "migrate"; none runs the platform.</param>
    public static PlatformProcess Start(string roles, PlatformProcessSettings settings, string? command = null)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        string[] arguments = [HostDll(), "--urls", address.ToString().TrimEnd('/'), .. command is null ? Array.Empty<string>() : [command]];
        var info = new ProcessStartInfo("dotnet", arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(HostDll())!,
        };
        var env = info.Environment;
        env["Platform__Roles"] = roles;
        env["ConnectionStrings__Platform"] = settings.ConnectionString;
        env["Bus__Transport"] = "RabbitMq";
        env["Bus__EndpointPrefix"] = settings.EndpointPrefix;
        env["Bus__RabbitMq__Host"] = settings.Broker.RabbitHost;
        env["Bus__RabbitMq__Port"] = settings.Broker.RabbitPort.ToString(CultureInfo.InvariantCulture);
        env["Bus__RabbitMq__VirtualHost"] = settings.Broker.RabbitVirtualHost;
        env["Bus__RabbitMq__Username"] = settings.Broker.RabbitUser;
        env["Bus__RabbitMq__Password"] = settings.Broker.RabbitPassword;
        env["Logging__Json"] = "true";
        env["Auth__BootstrapAdminPassword"] = TestAccess.AdminPassword;
        env["Auth__BootstrapApiKey"] = settings.AdminKey;
        env["RateLimits__PermitsPerUser"] = "1000000";
        env["RateLimits__PermitsPerAnonymousIp"] = "1000000";
        foreach (var (key, value) in settings.Extra ?? new Dictionary<string, string>())
            env[key] = value;
        return new PlatformProcess(roles, address, settings.AdminKey, Process.Start(info)!);
    }

    /// <summary>A client of this process carrying the bootstrap admin's key.</summary>
    public HttpClient CreateClient()
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add(TestAccess.ApiKeyHeader, _adminKey);
        return client;
    }

    /// <summary>Waits for a line of the process's output; false if the process exits or the time runs out first.</summary>
    public async Task<bool> WaitForOutputAsync(Func<string, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_output.Any(match))
                return true;
            if (_process.HasExited)
                return false;
            await Task.Delay(100);
        }
        return false;
    }

    /// <summary>SIGTERM, as `docker stop` and systemd send; true when the process exits within <paramref name="timeout"/>.</summary>
    public async Task<bool> TerminateAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
            await kill.WaitForExitAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Waits until /api/health/ready answers 200; false when the process exits first or the time runs out.</summary>
    public async Task<bool> WaitReadyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = Address }; // a probe sends no credential
        client.Timeout = TimeSpan.FromSeconds(5);
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && !HasExited)
        {
            try
            {
                using var response = await client.GetAsync("/api/health/ready");
                if (response.StatusCode == HttpStatusCode.OK)
                    return true;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            await Task.Delay(250);
        }
        return false;
    }

    /// <summary>SIGKILL: no shutdown code runs.</summary>
    public void Kill()
    {
        if (_process.HasExited)
            return;
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    /// <summary>The exit code; a process still running after <paramref name="timeout"/> fails the spec with its output.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"Still running after {timeout.TotalSeconds:0} s: {Tail()}");
        }
        return _process.ExitCode;
    }

    /// <summary>The last lines of output, for a failure message.</summary>
    public string Tail(int lines = 30) => $"{Roles} at {Address}:{Environment.NewLine}{string.Join(Environment.NewLine, Output.TakeLast(lines))}";

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Keep(string? line)
    {
        if (line is not null)
            _output.Enqueue(line);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string HostDll()
    {
        return Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "src/InvestmentPlatform.Host/bin"), "InvestmentPlatform.Host.dll", SearchOption.AllDirectories)
            .OrderByDescending(File.GetLastWriteTimeUtc).First();
    }
}
