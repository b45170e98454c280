using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace InvestmentPlatform.Cli.CommandLine;

/// <summary>
/// Options built the same way for every command, so a bad value gets the one-line message the README documents
/// (<c>--interval '2h' is not one of …</c>) rather than System.CommandLine's own wording.
/// </summary>
internal static class CliOptions
{
    public static Option<string?> Text(string name, string description)
    {
        var option = new Option<string?>(name) { Description = description, HelpName = "value" };
        option.Validators.Add(RefuseAnOptionAsValue);
        return option;
    }

    /// <summary>One of a few words, any case, read in lower case; the shells complete them.</summary>
    public static Option<string> OneOf(string name, string fallback, IReadOnlyCollection<string> allowed, string description)
    {
        var option = new Option<string>(name)
        {
            Description = description,
            DefaultValueFactory = _ => fallback,
            CustomParser = result =>
            {
                var value = result.Tokens[0].Value;
                if (allowed.Contains(value, StringComparer.OrdinalIgnoreCase))
                    return value.ToLowerInvariant();
                result.AddError($"{name} '{value}' is not one of {string.Join(", ", allowed)}");
                return fallback;
            },
        };
        option.CompletionSources.Add(allowed.ToArray());
        option.Validators.Add(RefuseAnOptionAsValue);
        return option;
    }

    /// <summary>A date (yyyy-MM-dd) or an ISO 8601 time, read as UTC.</summary>
    public static Option<DateTime?> Date(string name, string description)
    {
        var option = new Option<DateTime?>(name)
        {
            Description = description,
            HelpName = "date",
            CustomParser = result =>
            {
                var text = result.Tokens[0].Value;
                if (DateTime.TryParse(text, CultureInfo.InvariantCulture,
                        DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var value))
                    return DateTime.SpecifyKind(value, DateTimeKind.Utc);
                result.AddError($"{name} '{text}' is not a date: use yyyy-MM-dd or an ISO 8601 time");
                return null;
            },
        };
        option.Validators.Add(RefuseAnOptionAsValue);
        return option;
    }

    /// <summary>
    /// Options the command cannot run without. Checked here rather than with <see cref="Option.Required"/> so the
    /// message stays the documented <c>option --symbol is required</c>, and an empty value counts as missing.
    /// </summary>
    public static void Require(Command command, params Option[] options) =>
        command.Validators.Add(result =>
        {
            var missing = options.FirstOrDefault(o => result.GetResult(o) is not { } given || given.Tokens is [{ Value: "" }]);
            if (missing is not null)
                result.AddError($"option {missing.Name} is required");
        });

    /// <summary>System.CommandLine takes <c>--source --symbol X</c> as the source "--symbol": that is a forgotten value.</summary>
    public static bool TookAnOptionAsValue(OptionResult result) =>
        result.Tokens is [{ Value: var value }] && value.StartsWith("--", StringComparison.Ordinal);

    private static void RefuseAnOptionAsValue(OptionResult result)
    {
        if (TookAnOptionAsValue(result))
            result.AddError(NeedsAValue(result));
    }

    public static string NeedsAValue(OptionResult result) => $"option {result.Option.Name} needs a value";
}
