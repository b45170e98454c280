using System.Globalization;

namespace InvestmentPlatform.Cli.CommandLine;

/// <summary>Options after the command name: <c>--name value</c> or <c>--name=value</c>.</summary>
public sealed class CliArguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public CliArguments(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
                throw new CliUsageException($"unexpected argument '{arg}': options look like --name value");
            var eq = arg.IndexOf('=');
            string name, value;
            if (eq > 0)
            {
                (name, value) = (arg[2..eq], arg[(eq + 1)..]);
            }
            else if (arg == "--help")
            {
                (name, value) = ("help", "true");
            }
            else
            {
                name = arg[2..];
                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                    throw new CliUsageException($"option --{name} needs a value");
                value = args[++i];
            }
            if (!_values.TryAdd(name, value))
                throw new CliUsageException($"option --{name} is given twice");
        }
    }

    public bool Help => _values.ContainsKey("help");

    public string? Optional(string name)
    {
        _read.Add(name);
        return _values.GetValueOrDefault(name);
    }

    public string Required(string name) =>
        Optional(name) is { Length: > 0 } value ? value : throw new CliUsageException($"option --{name} is required");

    public string OneOf(string name, string fallback, IReadOnlyCollection<string> allowed)
    {
        var value = Optional(name) ?? fallback;
        return allowed.Contains(value, StringComparer.OrdinalIgnoreCase)
            ? value.ToLowerInvariant()
            : throw new CliUsageException($"--{name} '{value}' is not one of {string.Join(", ", allowed)}");
    }

    /// <summary>A date (yyyy-MM-dd) or an ISO 8601 time, read as UTC.</summary>
    public DateTime Date(string name)
    {
        var text = Required(name);
        return DateTime.TryParse(text, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var value)
            ? DateTime.SpecifyKind(value, DateTimeKind.Utc)
            : throw new CliUsageException($"--{name} '{text}' is not a date: use yyyy-MM-dd or an ISO 8601 time");
    }

    /// <summary>Fails on options the command never asked for, so typos do not pass silently.</summary>
    public void RejectUnknown()
    {
        var unknown = _values.Keys.Where(k => !_read.Contains(k)).ToList();
        if (unknown.Count > 0)
            throw new CliUsageException($"unknown option --{unknown[0]}");
    }
}
