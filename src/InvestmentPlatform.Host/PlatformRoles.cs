using InvestmentPlatform.ServiceDefaults;
using InvestmentPlatform.Data;

namespace InvestmentPlatform.Host;

/// <summary>
/// Which parts of the platform this process runs (Platform:Roles). "all" (the default) is the embedded mode;
/// the distributed mode runs "api", "scheduler" and "worker" as separate processes of the same build.
/// </summary>
public sealed record PlatformRoles(bool Api, bool Scheduler, bool Worker)
{
    public static PlatformRoles Parse(string? value)
    {
        var names = (value ?? "all").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(n => n.ToLowerInvariant()).ToList();
        if (names.Count == 0 || names.Contains("all"))
            return new(true, true, true);

        var unknown = names.Except(["api", "scheduler", "worker"]).ToList();
        if (unknown.Count > 0)
            throw new PlatformConfigurationException(
                $"Platform__Roles has unknown role '{unknown[0]}': use all, or a comma list of api, scheduler, worker.");
        return new(names.Contains("api"), names.Contains("scheduler"), names.Contains("worker"));
    }

    public override string ToString() =>
        string.Join(",", new[] { Api ? "api" : null, Scheduler ? "scheduler" : null, Worker ? "worker" : null }.OfType<string>());
}
