using System.CommandLine;
using System.CommandLine.Parsing;

namespace InvestmentPlatform.Cli.CommandLine;

/// <summary>
/// The one line a parse failure is reported with. System.CommandLine may find several errors and words them its own
/// way; the user gets the first that matters, in the wording the README documents.
/// </summary>
internal static class ParseErrorMessage
{
    public static string For(ParseResult parsed)
    {
        var root = parsed.RootCommandResult.Command;
        if (parsed.CommandResult.Command == root)
        {
            var commands = string.Join(", ", root.Subcommands.Select(c => c.Name));
            return parsed.UnmatchedTokens is [var first, ..]
                ? $"unknown command '{first}': use one of {commands}"
                : $"a command is needed: use one of {commands} (--help lists them)";
        }

        // A forgotten value explains the words after it; then an error on an option names it; unknown words come
        // next; a missing required option last (System.CommandLine skips option checks once the command has failed).
        if (parsed.CommandResult.Children.OfType<OptionResult>().FirstOrDefault(CliOptions.TookAnOptionAsValue) is { } swallowing)
            return CliOptions.NeedsAValue(swallowing);
        foreach (var error in parsed.Errors)
            if (error.SymbolResult is OptionResult option)
                return OptionMessage(error, option);
        if (parsed.UnmatchedTokens is [var token, ..])
            return token.StartsWith("--", StringComparison.Ordinal)
                ? $"unknown option {token.Split('=')[0]}"
                : $"unexpected argument '{token}': options look like --name value";
        return parsed.Errors[0].Message;
    }

    private static string OptionMessage(ParseError error, OptionResult option) =>
        option.IdentifierTokenCount > 1 ? $"option {option.Option.Name} is given twice"
        : option.Tokens.Count == 0 ? CliOptions.NeedsAValue(option)
        : error.Message;
}
