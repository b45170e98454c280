using InvestmentPlatform.Messaging.Resilience;
using Microsoft.Extensions.Logging;

namespace InvestmentPlatform.Ingestion.Tests;

/// <summary>What the outage log wrote, line by line.</summary>
internal sealed class ListLogger : ILogger<OutageLog>
{
    public List<(LogLevel Level, string Text)> Lines { get; } = [];

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Lines.Add((logLevel, formatter(state, exception)));
}
