namespace InvestmentPlatform.IntegrationTests.Infrastructure;

/// <summary>The checkout the tests run from: the folder above the test binaries that holds the solution file.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(System.IO.Path.Combine(root, "InvestmentPlatform.sln")))
            root = System.IO.Path.GetDirectoryName(root) ?? throw new InvalidOperationException("Repository root not found");
        return root;
    }
}
