using System.CommandLine;
using System.CommandLine.Invocation;
using InvestmentPlatform.Cli.Commands;

namespace InvestmentPlatform.Cli.CommandLine;

/// <summary>The CLI's commands under one root: parses the arguments, reports bad ones in one line, runs the command.</summary>
internal static class PlatformCommandLine
{
    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("InvestmentPlatform: fetch market data from a source, collect it into the platform, query what is stored")
        {
            new FetchCommand(),
            new CollectCommand(),
            new QueryCommand(),
        };
        // No response files: an argument starting with @ is a value (a symbol, a path), as it always was.
        var parsed = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parsed.Action is ParseErrorAction)
        {
            await Console.Error.WriteLineAsync($"error: {ParseErrorMessage.For(parsed)}");
            return ExitCodes.Usage;
        }

        // Ctrl+C cancels the command, which then ends in its own time ("cancelled", exit 130) rather than after
        // System.CommandLine's two-second grace.
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        return await parsed.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null }, cancel.Token);
    }
}
