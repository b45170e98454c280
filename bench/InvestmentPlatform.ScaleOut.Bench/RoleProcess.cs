using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace InvestmentPlatform.ScaleOut.Bench;

/// <summary>The Host executable as a child process with the roles given, on a free loopback port.</summary>
public sealed class RoleProcess : IAsyncDisposable
{
    private readonly Process _process;

    public Uri Address { get; }
    public string Roles { get; }

    private RoleProcess(string roles, Uri address, Process process)
    {
        Roles = roles;
        Address = address;
        _process = process;
        // Drained so the child never blocks on a full pipe; its warnings are of no use to the figures.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public static RoleProcess Start(string roles, IReadOnlyDictionary<string, string> settings)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var info = new ProcessStartInfo("dotnet", [HostDll(), "--urls", address.ToString().TrimEnd('/')])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(HostDll())!,
        };
        info.Environment["Platform__Roles"] = roles;
        foreach (var (key, value) in settings)
            info.Environment[key] = value;
        return new RoleProcess(roles, address, Process.Start(info)!);
    }

    public async Task WaitReadyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"{Roles} exited with code {_process.ExitCode}");
            try
            {
                using var response = await client.GetAsync("/api/health/ready");
                if (response.StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"{Roles} was not ready within {timeout}");
    }

    public async ValueTask DisposeAsync()
    {
        if (_process.HasExited)
            return;
        using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
            await term.WaitForExitAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string HostDll()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "InvestmentPlatform.sln")))
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("Repository root not found");
        return Directory.GetFiles(Path.Combine(root, "src/InvestmentPlatform.Host/bin/Release"), "InvestmentPlatform.Host.dll", SearchOption.AllDirectories)
            .OrderByDescending(File.GetLastWriteTimeUtc).First();
    }
}
