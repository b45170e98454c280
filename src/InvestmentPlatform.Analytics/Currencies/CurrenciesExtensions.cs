using Microsoft.Extensions.DependencyInjection;

namespace InvestmentPlatform.Analytics.Currencies;

public static class CurrenciesExtensions
{
    /// <summary>Registers currency conversion from the stored pairs, with <see cref="CurrencyOptions"/> bound to <c>Currencies</c>.</summary>
    public static IServiceCollection AddCurrencies(this IServiceCollection services)
    {
        services.AddOptions<CurrencyOptions>().BindConfiguration(CurrencyOptions.Section);
        services.AddScoped<CurrencyConverter>();
        return services;
    }
}
