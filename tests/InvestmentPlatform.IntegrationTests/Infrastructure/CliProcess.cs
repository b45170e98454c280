using System.Diagnostics;

namespace InvestmentPlatform.IntegrationTests.Infrastructure;

/// <summary>Runs the built CLI as a separate process, the way a user does, in an environment of the test's choosing.</summary>
public static class CliProcess
{
    public sealed record Result(int ExitCode, string Output, string Errors)
    {
        public string[] OutputLines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        public string[] ErrorLines => Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        public override string ToString() => $"exit {ExitCode}\nstdout:\n{Output}\nstderr:\n{Errors}";
    }

    private static readonly Lazy<string> Dll = new(() =>
    {
        var bin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var root = bin;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "InvestmentPlatform.sln")))
            root = root.Parent;
        var dll = Path.Combine(root!.FullName, "src", "InvestmentPlatform.Cli", "bin", bin.Parent!.Name, bin.Name, "InvestmentPlatform.Cli.dll");
        Assert.True(File.Exists(dll), $"the CLI is not built at {dll}");
        return dll;
    });

    /// <param name="environment">Variables to set; a null value removes one the test process has.</param>
    public static async Task<Result> RunAsync(IDictionary<string, string?> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Dll.Value);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        // Embedded commands would otherwise write ./data under the test's directory.
        start.WorkingDirectory = Directory.CreateTempSubdirectory("ip-cli-").FullName;
        foreach (var name in new[] { "IP_HOST", "IP_API_KEY", "ConnectionStrings__Platform" })
            start.Environment.Remove(name);
        foreach (var (key, value) in environment)
        {
            if (value is null)
                start.Environment.Remove(key);
            else
                start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await output, await errors);
    }
}
