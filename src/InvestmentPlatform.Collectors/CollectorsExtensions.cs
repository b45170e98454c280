using System.Net.Http.Headers;
using InvestmentPlatform.Collectors.Core;
using InvestmentPlatform.Collectors.Imports;
using InvestmentPlatform.Collectors.Resilience;
using InvestmentPlatform.Collectors.Sources.Coinbase;
using InvestmentPlatform.Collectors.Sources.Csv;
using InvestmentPlatform.Collectors.Sources.Fred;
using InvestmentPlatform.Collectors.Sources.Synthetic;
using InvestmentPlatform.Collectors.Sources.Yahoo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace InvestmentPlatform.Collectors;

public static class CollectorsExtensions
{
    /// <summary>
    /// Registers every source as an <see cref="ICollector"/> and the registry that finds them by name. HTTP sources read
    /// <c>Sources:Yahoo</c>, <c>Sources:Coinbase</c> and <c>Sources:Fred</c> (<see cref="SourceOptions"/>); CSV input
    /// reads <c>Imports</c> (<see cref="ImportOptions"/>).
    /// </summary>
    public static IHostApplicationBuilder AddCollectors(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SourceGateways>();
        services.AddSingleton<ICollectorRegistry, CollectorRegistry>();
        services.AddSingleton<ICollector, SyntheticCollector>();
        services.AddSingleton<ICollector, CsvCollector>();
        var dataDirectory = builder.Configuration["Database:DataDirectory"] ?? "data";
        services.AddOptions<ImportOptions>()
            .Configure(o => o.UploadDirectory = Path.GetFullPath(Path.Combine(dataDirectory, "uploads")))
            .BindConfiguration(ImportOptions.Section)
            .Validate(o => o.MaxFileBytes > 0 && o.MaxLineLength > 0, "Imports__MaxFileBytes and Imports__MaxLineLength must be positive");
        services.TryAddSingleton<ImportFiles>();

        AddHttpSource<YahooCollector>(services, YahooCollector.Name, "Yahoo", "https://query1.finance.yahoo.com/", permits: 2);
        AddHttpSource<CoinbaseCollector>(services, CoinbaseCollector.Name, "Coinbase", "https://api.coinbase.com/", permits: 10);
        // FRED allows 120 requests a minute.
        AddHttpSource<FredCollector>(services, FredCollector.Name, "Fred", "https://api.stlouisfed.org/", permits: 2);
        return builder;
    }

    private static void AddHttpSource<TCollector>(IServiceCollection services, string name, string section, string baseUrl, int permits)
        where TCollector : class, ICollector
    {
        services.AddOptions<SourceOptions>(name)
            .Configure(o =>
            {
                o.BaseUrl = baseUrl;
                o.RatePermits = permits;
            })
            .BindConfiguration($"Sources:{section}")
            .Validate(o => Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out _), $"Sources__{section}__BaseUrl must be an absolute URL")
            .Validate(o => o.RatePermits > 0 && o.RatePeriod > TimeSpan.Zero, $"Sources__{section}__RatePermits and RatePeriod must be positive")
            .Validate(o => o.Timeout > TimeSpan.Zero && o.MaxRetries >= 0, $"Sources__{section}__Timeout must be positive and MaxRetries ≥ 0");

        // Collectors are singletons, so they ask the factory for a client per request (named clients), which keeps
        // handler rotation working; timeouts come from the source's resilience pipeline, not HttpClient.Timeout.
        services.AddHttpClient(name, (sp, client) =>
        {
            var options = sp.GetRequiredService<IOptionsMonitor<SourceOptions>>().Get(name);
            client.BaseAddress = new Uri(options.BaseUrl.EndsWith('/') ? options.BaseUrl : options.BaseUrl + "/");
            client.Timeout = Timeout.InfiniteTimeSpan;
            client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("Mozilla", "5.0"));
            client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("(compatible; InvestmentPlatform/1.0)"));
            client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        });
        services.AddSingleton<ICollector, TCollector>();
    }
}
