namespace InvestmentPlatform.Cli.CommandLine;

public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The work failed: unknown symbol, bad key, unreachable source, bad payload.</summary>
    public const int Failure = 1;

    /// <summary>The command line or configuration was wrong.</summary>
    public const int Usage = 2;

    /// <summary>Cancelled with Ctrl+C.</summary>
    public const int Cancelled = 130;
}
