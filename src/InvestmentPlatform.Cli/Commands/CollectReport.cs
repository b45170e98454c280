using Spectre.Console;
using Spectre.Console.Rendering;

namespace InvestmentPlatform.Cli.Commands;

/// <summary>What collect prints when the request has ended: one line for the request, then a table of its symbols.</summary>
internal static class CollectReport
{
    public sealed record SymbolOutcome(string Symbol, string Status, long Collected, long Loaded, long Rejected, string Error);

    public static async Task WriteAsync(TextWriter output, Guid id, string status, TimeSpan took, IEnumerable<SymbolOutcome> outcomes)
    {
        await output.WriteLineAsync($"request {id}: {status} in {took.TotalSeconds:F1}s");

        // No borders: each symbol stays one line that starts with its name, easy to read and to grep.
        var table = new Table().Border(TableBorder.None)
            .AddColumn("symbol")
            .AddColumn("status")
            .AddColumn(new TableColumn("collected").RightAligned())
            .AddColumn(new TableColumn("loaded").RightAligned())
            .AddColumn(new TableColumn("rejected").RightAligned())
            .AddColumn("error");
        foreach (var o in outcomes)
            table.AddRow(new IRenderable[]
            {
                new Text(o.Symbol), new Text(o.Status), new Text($"{o.Collected:N0}"), new Text($"{o.Loaded:N0}"),
                new Text($"{o.Rejected:N0}"), new Text(o.Error),
            });

        var text = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(text),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        // Wrapped to a terminal's width; into a file or a pipe an error message stays on its symbol's line.
        console.Profile.Width = Console.IsOutputRedirected ? 4096 : Console.WindowWidth;
        console.Write(table);
        foreach (var line in text.ToString().Split('\n'))
            if (line.TrimEnd() is { Length: > 0 } trimmed)
                await output.WriteLineAsync(trimmed);
    }
}
