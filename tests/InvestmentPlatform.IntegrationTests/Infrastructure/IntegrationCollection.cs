namespace InvestmentPlatform.IntegrationTests.Infrastructure;

/// <summary>
/// Tests that share the broker run one after another: message-type exchanges are shared within a virtual host,
/// so two hosts at once would each receive the other's events.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class IntegrationCollection
{
    public const string Name = "real services";
}
