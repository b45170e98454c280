using System.Net.Sockets;
using InvestmentPlatform.Messaging.Resilience;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Serilog.Events;
using Serilog.Parsing;

namespace InvestmentPlatform.Ingestion.Tests;

public sealed class When_libraries_log_an_outage
{
    private readonly ListLogger _log = new();
    private readonly OutageLogFilter _filter;

    public When_libraries_log_an_outage()
    {
        var services = new ServiceCollection().AddSingleton(new OutageLog(_log, TimeProvider.System)).BuildServiceProvider();
        _filter = new OutageLogFilter(services);
    }

    [Fact]
    public void Should_turn_a_failed_database_transaction_into_the_one_outage_warning()
    {
        var reset = new NpgsqlException("Exception while reading from stream", new IOException("reset", new SocketException((int)SocketError.ConnectionReset)));

        var kept = Enumerable.Range(0, 20).Count(_ => _filter.IsEnabled(Event(LogEventLevel.Error, "Microsoft.EntityFrameworkCore.Database.Transaction", reset)));

        Assert.Equal(0, kept);
        Assert.Equal([LogLevel.Warning], _log.Lines.Select(l => l.Level));
    }

    [Fact]
    public void Should_drop_the_transports_own_teardown_when_the_broker_connection_drops()
    {
        Assert.False(_filter.IsEnabled(Event(LogEventLevel.Error, "MassTransit.ReceiveTransport", new ObjectDisposedException("SemaphoreSlim"))));
        Assert.False(_filter.IsEnabled(Event(LogEventLevel.Error, "MassTransit", new OperationCanceledException("Query was cancelled"))));
    }

    [Fact]
    public void Should_drop_a_duplicate_insert_and_a_bare_transaction_error_whose_exception_reaches_the_caller()
    {
        var duplicate = new Microsoft.EntityFrameworkCore.DbUpdateException("saving failed",
            new PostgresException("duplicate key value violates unique constraint", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation));
        var otherViolation = new Microsoft.EntityFrameworkCore.DbUpdateException("saving failed",
            new PostgresException("violates foreign key constraint", "ERROR", "ERROR", PostgresErrorCodes.ForeignKeyViolation));

        Assert.False(_filter.IsEnabled(Event(LogEventLevel.Error, "Microsoft.EntityFrameworkCore.Update", duplicate)));
        Assert.False(_filter.IsEnabled(Event(LogEventLevel.Error, "Microsoft.EntityFrameworkCore.Database.Transaction", null)));
        Assert.True(_filter.IsEnabled(Event(LogEventLevel.Error, "Microsoft.EntityFrameworkCore.Update", otherViolation)));
        Assert.True(_filter.IsEnabled(Event(LogEventLevel.Error, "InvestmentPlatform.Ingestion", duplicate)));
        Assert.True(_filter.IsEnabled(Event(LogEventLevel.Error, "Microsoft.EntityFrameworkCore.Database.Command", null)));
        Assert.Empty(_log.Lines);
    }

    [Fact]
    public void Should_keep_every_other_error()
    {
        Assert.True(_filter.IsEnabled(Event(LogEventLevel.Error, "MassTransit", new InvalidOperationException("a bug"))));
        Assert.True(_filter.IsEnabled(Event(LogEventLevel.Error, "InvestmentPlatform.Ingestion", new OperationCanceledException())));
        Assert.True(_filter.IsEnabled(Event(LogEventLevel.Error, "Microsoft.EntityFrameworkCore.Update", new InvalidOperationException("a bug"))));
        Assert.Empty(_log.Lines);
    }

    private static LogEvent Event(LogEventLevel level, string source, Exception? exception) =>
        new(DateTimeOffset.UtcNow, level, exception, new MessageTemplateParser().Parse("failed"),
            [new LogEventProperty("SourceContext", new ScalarValue(source))]);
}
