using System.Reflection;
using MassTransit;

namespace InvestmentPlatform.IntegrationTests.Foundation;

/// <summary>
/// Each consumer gets its own queue, named from its class name without the namespace. Two features' consumers of one
/// class name would share a queue: one's retries and faults would replay the other's work.
/// </summary>
public sealed class When_the_platforms_consumers_get_their_endpoints
{
    [Fact]
    public void Should_give_every_consumer_its_own_endpoint_name()
    {
        var folder = Path.GetDirectoryName(typeof(When_the_platforms_consumers_get_their_endpoints).Assembly.Location)!;
        var consumers = Directory.GetFiles(folder, "InvestmentPlatform.*.dll")
            .Where(f => !Path.GetFileName(f).Contains("Tests", StringComparison.Ordinal))
            .Select(Assembly.LoadFrom)
            .SelectMany(a => a.GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IConsumer<>)))
            .ToList();
        var formatter = new KebabCaseEndpointNameFormatter(false);
        var named = consumers.Select(t => (Type: t, Name: (string)typeof(KebabCaseEndpointNameFormatter).GetMethod(nameof(formatter.Consumer))!
            .MakeGenericMethod(t).Invoke(formatter, null)!)).ToList();

        Assert.Contains(named, n => n.Name == "series-alerts");
        var shared = named.GroupBy(n => n.Name).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(n => n.Type.FullName))}").ToList();
        Assert.True(shared.Count == 0, string.Join("; ", shared));
    }
}
