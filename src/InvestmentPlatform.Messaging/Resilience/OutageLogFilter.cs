using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace InvestmentPlatform.Messaging.Resilience;

/// <summary>
/// MassTransit, Quartz, EF Core and the health checks log every attempt that meets a database or broker outage: a
/// reconnect, a retry, a probe, a failed transaction. Those lines go to <see cref="OutageLog"/> instead, which says it
/// once, then once a minute.
/// </summary>
public sealed class OutageLogFilter(IServiceProvider services) : ILogEventFilter
{
    private static readonly string[] Chatty =
        ["MassTransit", "Quartz", "Microsoft.Extensions.Diagnostics.HealthChecks", "Microsoft.EntityFrameworkCore"];

    // Resolved at the first outage: the log itself is still being built when the filter is.
    private OutageLog? _outage;

    public bool IsEnabled(LogEvent logEvent)
    {
        if (IsTransportTeardown(logEvent) || IsDuplicateInsert(logEvent) || IsBareTransactionError(logEvent))
            return false;
        if (logEvent.Level is < LogEventLevel.Warning or LogEventLevel.Fatal || logEvent.Exception is null
            || !logEvent.Properties.TryGetValue("SourceContext", out var value) || value is not ScalarValue { Value: string source }
            || !Chatty.Any(c => source.StartsWith(c, StringComparison.Ordinal)) || !TransientFailure.IsTransient(logEvent.Exception))
            return true;
        (_outage ??= services.GetRequiredService<OutageLog>()).Report(logEvent.Exception);
        return false;
    }

    /// <summary>
    /// When the broker connection drops, the RabbitMQ transport cancels what its channels were doing: a queue declare on
    /// a disposed channel, a consume whose database call is cancelled. The message comes back by redelivery and the
    /// connection failure itself reaches the outage log, so these lines say nothing more.
    /// </summary>
    private static bool IsTransportTeardown(LogEvent logEvent)
    {
        if (!IsErrorFrom(logEvent, "MassTransit"))
            return false;
        for (var e = logEvent.Exception; e is not null; e = e.InnerException)
            if (e is OperationCanceledException or ObjectDisposedException)
                return true;
        return false;
    }

    /// <summary>
    /// EF Core logs every failed save at Error before the caller sees it. A unique-key violation is how a redelivered
    /// message finds its work already done (firings, findings, fills); the caller handles it, or fails the message, which
    /// MassTransit then logs itself.
    /// </summary>
    private static bool IsDuplicateInsert(LogEvent logEvent)
    {
        if (!IsErrorFrom(logEvent, "Microsoft.EntityFrameworkCore"))
            return false;
        for (var e = logEvent.Exception; e is not null; e = e.InnerException)
            if (e is System.Data.Common.DbException { SqlState: "23505" } || e.GetType().Name == "SqliteException" && e.Message.Contains("UNIQUE constraint failed"))
                return true;
        return false;
    }

    /// <summary>
    /// EF Core logs a failed commit or rollback without its exception, then throws that exception to the caller: the
    /// outage log or MassTransit reports it there, with the cause this line lacks.
    /// </summary>
    private static bool IsBareTransactionError(LogEvent logEvent) =>
        logEvent is { Level: LogEventLevel.Error, Exception: null }
        && logEvent.Properties.TryGetValue("SourceContext", out var value)
        && value is ScalarValue { Value: "Microsoft.EntityFrameworkCore.Database.Transaction" };

    private static bool IsErrorFrom(LogEvent logEvent, string sourcePrefix) =>
        logEvent is { Level: LogEventLevel.Error, Exception: not null }
        && logEvent.Properties.TryGetValue("SourceContext", out var value) && value is ScalarValue { Value: string source }
        && source.StartsWith(sourcePrefix, StringComparison.Ordinal);
}
