namespace InvestmentPlatform.Cli.CommandLine;

/// <summary>Bad command-line input: reported as one line with exit code <see cref="ExitCodes.Usage"/>.</summary>
public sealed class CliUsageException(string message) : Exception(message);
