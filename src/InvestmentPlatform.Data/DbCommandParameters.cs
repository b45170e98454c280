using System.Data.Common;

namespace InvestmentPlatform.Data;

/// <summary>Parameters of the plain ADO.NET commands that read and write series outside EF.</summary>
public static class DbCommandParameters
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
}
