using System.Collections.Concurrent;
using System.Diagnostics;

namespace InvestmentPlatform.IntegrationTests.Infrastructure;

/// <summary>The platform's Host as a real child process, so a test can stop it with SIGTERM or kill -9 as an operator would.</summary>
public sealed class HostProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private HostProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public bool HasExited => _process.HasExited;
    public int ExitCode => _process.ExitCode;
    public string Output => string.Join('\n', _output);

    /// <summary>Starts the Host with these settings (environment variables, e.g. Platform__Roles=worker) on the given broker.</summary>
    public static HostProcess Start(ServiceEndpoints services, IReadOnlyDictionary<string, string> settings)
    {
        var dll = HostDll();
        var info = new ProcessStartInfo("dotnet", [dll, "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        var env = info.Environment;
        env["Bus__Transport"] = "RabbitMq";
        env["Bus__RabbitMq__Host"] = services.RabbitHost;
        env["Bus__RabbitMq__Port"] = services.RabbitPort.ToString();
        env["Bus__RabbitMq__VirtualHost"] = services.RabbitVirtualHost;
        env["Bus__RabbitMq__Username"] = services.RabbitUser;
        env["Bus__RabbitMq__Password"] = services.RabbitPassword;
        foreach (var (key, value) in settings)
            env[key] = value;
        return new HostProcess(Process.Start(info)!);
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

    /// <summary>Sends SIGTERM, as `docker stop` and systemd do, and waits up to <paramref name="timeout"/> for the exit.</summary>
    public async Task<bool> TerminateAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString()]))
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

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        _process.Dispose();
    }

    private static string HostDll()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "InvestmentPlatform.sln")))
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("Repository root not found");
        return Directory.GetFiles(Path.Combine(root, "src/InvestmentPlatform.Host/bin"), "InvestmentPlatform.Host.dll", SearchOption.AllDirectories)
            .OrderByDescending(File.GetLastWriteTimeUtc).First();
    }
}
