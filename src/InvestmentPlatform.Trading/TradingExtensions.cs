using InvestmentPlatform.Trading.Accounts;
using InvestmentPlatform.Trading.Brokerage;
using InvestmentPlatform.Trading.CorporateActions;
using InvestmentPlatform.Trading.Fills;
using InvestmentPlatform.Trading.Orders;
using InvestmentPlatform.Trading.Replay;
using InvestmentPlatform.Messaging.Resilience;
using InvestmentPlatform.Trading.Risk;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace InvestmentPlatform.Trading;

public static class TradingExtensions
{
    /// <summary>Paper trading's services: accounts, the order door, risk checks, the order store, the paper brokerage and fill engine.</summary>
    public static IHostApplicationBuilder AddTrading(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<TradingOptions>().BindConfiguration(TradingOptions.Section);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton(s => new TradingClock(s.GetRequiredService<TimeProvider>()));
        builder.Services.AddScoped<PaperAccountService>();
        builder.Services.AddScoped<OrderStore>();
        builder.Services.AddScoped<PreTradeRisk>();
        builder.Services.AddScoped<AccountCorporateActions>();
        builder.Services.AddScoped<PaperFillEngine>();
        builder.Services.AddScoped<IBrokerage, PaperBrokerage>();
        builder.Services.AddScoped<OrderService>();
        builder.Services.AddScoped<OrderExpiry>();
        builder.Services.AddScoped<ReplayJobs>();
        builder.Services.AddScoped<ReplayRunner>();
        return builder;
    }

    /// <summary>The worker side: day-order expiry on the platform's clock. Call with <see cref="AddTradingConsumers"/>.</summary>
    public static IHostApplicationBuilder AddTradingRuntime(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHostedService<OrderExpirySweeper>();
        return builder;
    }

    /// <summary>The fill engine's trigger (new bars stored by the loader) and the replay runner.</summary>
    public static IBusRegistrationConfigurator AddTradingConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<NewBarsConsumer, NewBarsConsumerDefinition>();
        bus.AddConsumer<ReplayRequestedConsumer, OneAtATimeConsumerDefinition<ReplayRequestedConsumer>>();
        return bus;
    }
}
