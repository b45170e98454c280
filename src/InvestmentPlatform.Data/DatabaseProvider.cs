namespace InvestmentPlatform.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
