namespace InvestmentPlatform.Cli.CommandLine;

/// <summary>One CLI command; add it to the <see cref="CommandSet"/> in Program.cs.</summary>
public interface ICliCommand
{
    string Name { get; }

    string Summary { get; }

    /// <summary>Option lines shown by --help.</summary>
    string Usage { get; }

    /// <summary>Runs the command; returns the process exit code.</summary>
    Task<int> RunAsync(CliArguments arguments, TextWriter output, TextWriter errors, CancellationToken ct);
}
