using System.Diagnostics;

namespace InvestmentPlatform.IntegrationTests.Infrastructure;

/// <summary>Runs a server's control command (pg_ctl, rabbitmqctl) to its end; a non-zero exit fails with its output.</summary>
public static class ServiceCommand
{
    /// <returns>What the command wrote to standard output.</returns>
    public static async Task<string> RunAsync(string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            info.Environment[key] = value;
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException(
                $"{file} {string.Join(' ', info.ArgumentList)} exited with {process.ExitCode}: {await output}{await error}");
        return await output;
    }

    /// <summary>A command as the given system user when the tests run as root (servers refuse to run as root).</summary>
    public static Task<string> RunAsAsync(string user, string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null) =>
        Environment.UserName == "root"
            ? RunAsync("runuser", ["-u", user, "--", file, .. arguments], environment)
            : RunAsync(file, arguments, environment);

    public static Task ChownAsync(string user, string path) =>
        Environment.UserName == "root" ? RunAsync("chown", ["-R", $"{user}:{user}", path]) : Task.FromResult("");
}
