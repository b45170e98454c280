using System.Net.Sockets;
using InvestmentPlatform.Messaging.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace InvestmentPlatform.Ingestion.Tests;

public sealed class When_a_dependency_goes_away
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero));
    private readonly ListLogger _log = new();
    private static readonly Exception DatabaseDown = new NpgsqlException("refused", new SocketException((int)SocketError.ConnectionRefused));
    private static readonly Exception BrokerDown = new SocketException((int)SocketError.ConnectionRefused);

    [Fact]
    public void Should_warn_once_then_once_a_minute_and_say_when_it_is_back()
    {
        var outage = new OutageLog(_log, _clock);
        for (var i = 0; i < 100; i++)
        {
            Assert.True(outage.Report(DatabaseDown));
            _clock.Advance(TimeSpan.FromSeconds(1));
        }
        outage.Recovered(OutageLog.Database);

        Assert.Equal([LogLevel.Warning, LogLevel.Warning, LogLevel.Information], _log.Lines.Select(l => l.Level));
        Assert.Contains("still unavailable after 60 s", _log.Lines[1].Text);
    }

    [Fact]
    public void Should_not_take_the_database_working_for_the_broker_back()
    {
        var outage = new OutageLog(_log, _clock);
        outage.Report(BrokerDown);
        outage.Recovered(OutageLog.Database);
        outage.Report(BrokerDown);
        Assert.Single(_log.Lines);

        outage.Recovered(OutageLog.Broker);
        Assert.Equal(LogLevel.Information, _log.Lines[^1].Level);
        Assert.Contains("message broker", _log.Lines[^1].Text);
    }

    [Fact]
    public void Should_leave_other_failures_to_the_caller()
    {
        Assert.False(new OutageLog(_log, _clock).Report(new InvalidOperationException("a bug")));
        Assert.Empty(_log.Lines);
    }
}
