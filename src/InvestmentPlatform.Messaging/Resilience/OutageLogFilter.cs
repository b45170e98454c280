using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace InvestmentPlatform.Messaging.Resilience;

/// <summary>
/// MassTransit, Quartz and the health checks log every attempt that meets a database or broker outage: a reconnect, a
/// retry, a probe. Those lines go to <see cref="OutageLog"/> instead, which says it once, then once a minute.
/// </summary>
public sealed class OutageLogFilter(IServiceProvider services) : ILogEventFilter
{
    private static readonly string[] Chatty = ["MassTransit", "Quartz", "Microsoft.Extensions.Diagnostics.HealthChecks"];

    // Resolved at the first outage: the log itself is still being built when the filter is.
    private OutageLog? _outage;

    public bool IsEnabled(LogEvent logEvent)
    {
        if (logEvent.Level is < LogEventLevel.Warning or LogEventLevel.Fatal || logEvent.Exception is null
            || !logEvent.Properties.TryGetValue("SourceContext", out var value) || value is not ScalarValue { Value: string source }
            || !Chatty.Any(c => source.StartsWith(c, StringComparison.Ordinal)) || !TransientFailure.IsTransient(logEvent.Exception))
            return true;
        (_outage ??= services.GetRequiredService<OutageLog>()).Report(logEvent.Exception);
        return false;
    }
}
