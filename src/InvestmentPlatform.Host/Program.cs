using InvestmentPlatform.ServiceDefaults;
using InvestmentPlatform.Data;
using InvestmentPlatform.Host;

try
{
    var builder = WebApplication.CreateBuilder(args);
    var roles = builder.AddPlatform();
    var app = builder.Build();
    app.UsePlatform(roles);

    if (args.Contains("migrate"))
    {
        await app.Services.GetRequiredService<PlatformDatabaseMigrator>().MigrateAsync();
        return 0;
    }
    if (app.Configuration.GetValue("Database:MigrateOnStartup", true))
        await app.Services.GetRequiredService<PlatformDatabaseMigrator>().MigrateAsync();

    await app.RunAsync();
    return 0;
}
catch (PlatformConfigurationException ex)
{
    Console.Error.WriteLine($"Configuration error: {ex.Message}");
    return 2;
}

public partial class Program;
