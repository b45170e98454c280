using System.Globalization;

namespace InvestmentPlatform.Calendars;

/// <summary>
/// Reads a shipped holiday file: comment lines (#) naming the source, a header <c>date,kind,name</c>, then one line
/// per holiday or early close.
/// </summary>
public static class HolidayFile
{
    public static IReadOnlyList<CalendarDay> Load(string code)
    {
        var name = $"Holidays.{code}.csv";
        using var stream = typeof(HolidayFile).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The holiday file {name} is not shipped.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    public static IReadOnlyList<CalendarDay> Parse(string text)
    {
        var days = new List<CalendarDay>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith("date,", StringComparison.Ordinal))
                continue;
            var parts = line.Split(',', 3);
            if (parts.Length != 3)
                throw new FormatException($"A holiday line needs date,kind,name: '{line}'.");
            var kind = parts[1] switch
            {
                "holiday" => CalendarDayKind.Holiday,
                "early_close" => CalendarDayKind.EarlyClose,
                _ => throw new FormatException($"Unknown kind '{parts[1]}' in '{line}'."),
            };
            days.Add(new(DateOnly.ParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture), kind, parts[2]));
        }
        return days;
    }

    public static string Format(IEnumerable<string> header, IEnumerable<CalendarDay> days) =>
        string.Concat(header.Select(h => $"# {h}\n")) + "date,kind,name\n" + string.Concat(days.OrderBy(d => d.Date).Select(d =>
            $"{d.Date:yyyy-MM-dd},{(d.Kind == CalendarDayKind.Holiday ? "holiday" : "early_close")},{d.Name}\n"));
}
