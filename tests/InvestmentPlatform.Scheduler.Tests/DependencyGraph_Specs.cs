using InvestmentPlatform.Scheduler.Dependencies;

namespace InvestmentPlatform.Scheduler.Tests;

public sealed class When_looking_for_dependency_cycles
{
    private static readonly Guid A = Guid.NewGuid(), B = Guid.NewGuid(), C = Guid.NewGuid(), D = Guid.NewGuid();

    private static Dictionary<Guid, IReadOnlyCollection<Guid>> Edges(params (Guid Job, Guid Upstream)[] edges) =>
        edges.GroupBy(e => e.Job).ToDictionary(g => g.Key, g => (IReadOnlyCollection<Guid>)g.Select(e => e.Upstream).ToList());

    [Fact]
    public void Should_find_none_in_a_chain_or_a_diamond()
    {
        Assert.Null(DependencyGraph.FindCycle(C, [B], Edges((B, A))));
        Assert.Null(DependencyGraph.FindCycle(D, [B, C], Edges((B, A), (C, A))));
    }

    [Fact]
    public void Should_name_the_cycle_a_change_would_close()
    {
        var cycle = DependencyGraph.FindCycle(A, [C], Edges((B, A), (C, B)));
        Assert.Equal([A, C, B, A], cycle);
    }

    [Fact]
    public void Should_treat_depending_on_itself_as_a_cycle()
    {
        Assert.Equal([A, A], DependencyGraph.FindCycle(A, [A], Edges()));
    }

    [Fact]
    public void Should_ignore_cycles_elsewhere_that_do_not_pass_through_the_job()
    {
        Assert.Null(DependencyGraph.FindCycle(D, [A], Edges((B, C), (C, B))));
    }
}
