using System.Diagnostics;

namespace InvestmentPlatform.Collectors.Tests.Infrastructure;

/// <summary>Runs the built CLI as a separate process, the way a user does.</summary>
public static class CliProcess
{
    public sealed record Result(int ExitCode, string Output, string Errors)
    {
        public string[] OutputLines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        public string[] ErrorLines => Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    private static readonly Lazy<string> Dll = new(() =>
    {
        var bin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = bin.Parent!.Name;
        var root = bin;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "InvestmentPlatform.sln")))
            root = root.Parent;
        var dll = Path.Combine(root!.FullName, "src", "InvestmentPlatform.Cli", "bin", configuration, bin.Name, "InvestmentPlatform.Cli.dll");
        Assert.True(File.Exists(dll), $"the CLI is not built at {dll}");
        return dll;
    });

    public static async Task<Result> RunAsync(IDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Dll.Value);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment["FRED_API_KEY"] = "";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            start.Environment[key] = value;

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await output, await errors);
    }
}
