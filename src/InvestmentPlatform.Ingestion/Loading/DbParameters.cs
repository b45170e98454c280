using System.Data.Common;

namespace InvestmentPlatform.Ingestion.Loading;

/// <summary>A named parameter added to a prepared command, whose value the writers set again for each row.</summary>
internal static class DbParameters
{
    public static DbParameter AddParameter(this DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
        return p;
    }
}
