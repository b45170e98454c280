using InvestmentPlatform.Api.MarketData;
using InvestmentPlatform.Data;
using InvestmentPlatform.Host;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InvestmentPlatform.Api.Bench;

/// <summary>The platform's API in this process, Kestrel on loopback, with a client that holds an admin's API key.</summary>
public sealed class BenchApi : IAsyncDisposable
{
    public required WebApplication App { get; init; }
    public required HttpClient Http { get; init; }
    public required SeriesConnections Connections { get; init; }

    /// <param name="connectionString">PostgreSQL, or null for the embedded SQLite file under <paramref name="dataDirectory"/>.</param>
    /// <param name="fill">Run after the schema is made and before the API listens.</param>
    public static async Task<BenchApi> StartAsync(string? connectionString, string? dataDirectory, int port, Func<IServiceProvider, Task> fill)
    {
        var url = $"http://127.0.0.1:{port}";
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = ["--urls", url] });
        if (connectionString is not null)
            builder.Configuration["ConnectionStrings:Platform"] = connectionString;
        if (dataDirectory is not null)
            builder.Configuration["Database:DataDirectory"] = dataDirectory;
        builder.Configuration["Platform:Roles"] = "api";
        builder.Configuration["Bus:Transport"] = "InMemory";
        builder.Configuration["Serilog:MinimumLevel:Default"] = "Warning";
        // The API needs a credential: an admin with a key, as automation seeds one.
        var apiKey = $"ipk_bench_{Guid.NewGuid():N}";
        builder.Configuration["Auth:BootstrapAdminPassword"] = $"Bench-{Guid.NewGuid():N}";
        builder.Configuration["Auth:BootstrapApiKey"] = apiKey;
        builder.Configuration["RateLimits:PermitsPerUser"] = "1000000";
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var roles = builder.AddPlatform();
        var app = builder.Build();
        app.UsePlatform(roles);
        await app.Services.GetRequiredService<PlatformDatabaseMigrator>().MigrateAsync();
        await fill(app.Services);
        await app.StartAsync();

        var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(10) };
        http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return new BenchApi { App = app, Http = http, Connections = app.Services.GetRequiredService<SeriesConnections>() };
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
