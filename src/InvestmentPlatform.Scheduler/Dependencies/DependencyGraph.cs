namespace InvestmentPlatform.Scheduler.Dependencies;

/// <summary>Cycle search over "job depends on upstream" edges.</summary>
public static class DependencyGraph
{
    /// <summary>
    /// Finds a cycle that <paramref name="jobId"/> would close if it depended on <paramref name="dependsOn"/>,
    /// given the other jobs' edges. Returns the cycle as a path that starts and ends at the same job, or null.
    /// </summary>
    public static IReadOnlyList<Guid>? FindCycle(
        Guid jobId, IReadOnlyCollection<Guid> dependsOn, IReadOnlyDictionary<Guid, IReadOnlyCollection<Guid>> otherEdges)
    {
        IReadOnlyCollection<Guid> Upstream(Guid id) =>
            id == jobId ? dependsOn : otherEdges.TryGetValue(id, out var ups) ? ups : [];

        // Depth-first from the job along upstream edges: reaching the job again is a cycle.
        var path = new List<Guid> { jobId };
        var done = new HashSet<Guid>();
        return Visit(jobId);

        IReadOnlyList<Guid>? Visit(Guid current)
        {
            foreach (var up in Upstream(current))
            {
                if (up == jobId)
                    return [.. path, jobId];
                if (!done.Add(up))
                    continue;
                path.Add(up);
                if (Visit(up) is { } cycle)
                    return cycle;
                path.RemoveAt(path.Count - 1);
            }
            return null;
        }
    }
}
