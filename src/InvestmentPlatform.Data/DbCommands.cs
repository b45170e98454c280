using System.Data.Common;

namespace InvestmentPlatform.Data;

/// <summary>Parameters and values of the plain ADO.NET commands that read and write series outside EF.</summary>
public static class DbCommands
{
    /// <summary>Adds a named parameter (null goes in as SQL NULL) and returns it, so a prepared command can set it again per row.</summary>
    public static DbParameter AddParameter(this DbCommand cmd, string name, object? value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        cmd.Parameters.Add(p);
        return p;
    }

    /// <summary>A stored time, which both databases hand back without a kind, as UTC.</summary>
    public static DateTime GetUtc(this DbDataReader reader, int ordinal) =>
        DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc);

    public static double? GetNullableDouble(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetDouble(ordinal);
}
