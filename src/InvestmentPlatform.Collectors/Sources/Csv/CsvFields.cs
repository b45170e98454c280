using System.Text;

namespace InvestmentPlatform.Collectors.Sources.Csv;

/// <summary>Splits one CSV line (RFC 4180 quoting, comma or semicolon separated).</summary>
internal static class CsvFields
{
    public static List<string> Split(string line, char separator)
    {
        if (!line.Contains('"'))
        {
            var parts = line.Split(separator);
            var plain = new List<string>(parts.Length);
            foreach (var part in parts)
                plain.Add(part.Trim());
            return plain;
        }
        var fields = new List<string>(8);
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { current.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else current.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == separator) { fields.Add(current.ToString().Trim()); current.Clear(); }
            else current.Append(c);
        }
        fields.Add(current.ToString().Trim());
        return fields;
    }

    public static char DetectSeparator(string header) =>
        header.Count(c => c == ';') > header.Count(c => c == ',') ? ';' : ',';
}
