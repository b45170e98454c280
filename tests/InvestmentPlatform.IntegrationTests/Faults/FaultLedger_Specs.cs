using InvestmentPlatform.Data;
using InvestmentPlatform.Messaging.Faults;
using InvestmentPlatform.IntegrationTests.Infrastructure;
using InvestmentPlatform.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace InvestmentPlatform.IntegrationTests.Faults;

public enum LedgerMode { Embedded, Distributed }

/// <summary>
/// A consumer gives up on a message: the message is kept with its reason and class, a transient one comes back to its
/// queue by itself, a permanent one waits until an admin re-drives or discards it. Alike on the in-memory bus with
/// SQLite and on RabbitMQ with PostgreSQL.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class When_a_consumer_gives_up_on_a_message
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(LedgerMode.Embedded)]
    [InlineData(LedgerMode.Distributed)]
    public async Task Should_redrive_a_transient_fault_by_itself(LedgerMode mode)
    {
        await using var platform = await LedgerHost.StartAsync(mode);
        var probe = new LedgerProbe(Guid.NewGuid(), LedgerProbeConsumer.TransientOnce);
        await platform.SendAsync(probe);

        var delivered = await WaitAsync(() => Deliveries(probe).Count >= 2);

        Assert.True(delivered, $"delivered {Deliveries(probe).Count} time(s)");
        Assert.Equal(new ProbeDelivery(2, 1), Deliveries(probe)[1]);
        Assert.True(await WaitAsync(async () => await platform.CountAsync(probe) == 0), "the re-driven message is still kept");
    }

    [Theory]
    [InlineData(LedgerMode.Embedded)]
    [InlineData(LedgerMode.Distributed)]
    public async Task Should_keep_a_permanent_fault_with_its_reason_until_an_admin_acts(LedgerMode mode)
    {
        await using var platform = await LedgerHost.StartAsync(mode);
        var probe = new LedgerProbe(Guid.NewGuid(), LedgerProbeConsumer.Permanent);
        await platform.SendAsync(probe);

        var kept = await WaitForFaultAsync(platform, probe, redrives: 0);
        Assert.Equal(MessageFaultClasses.Permanent, kept.ErrorClass);
        Assert.Null(kept.RedriveAt);
        Assert.Contains("cannot be handled", kept.Reason);
        Assert.Equal(typeof(InvalidOperationException).FullName, kept.ExceptionType);
        Assert.Equal(MessageUrn.ForTypeString<LedgerProbe>(), kept.MessageType);

        Assert.Equal(RedriveOutcome.Sent, await platform.RedriveAsync(kept.Id));
        var again = await WaitForFaultAsync(platform, probe, redrives: 1);
        Assert.Equal(new ProbeDelivery(2, 1), Deliveries(probe)[1]);
        Assert.Equal(RedriveOutcome.NotFound, await platform.RedriveAsync(kept.Id));

        Assert.True(await platform.DiscardAsync(again.Id));
        Assert.Equal(0, await platform.CountAsync(probe));
        Assert.False(await platform.DiscardAsync(again.Id));
    }

    private static async Task<MessageFault> WaitForFaultAsync(LedgerHost platform, LedgerProbe probe, int redrives)
    {
        MessageFault? found = null;
        Assert.True(await WaitAsync(async () => (found = await platform.FindAsync(probe, redrives)) is not null),
            $"no fault kept for {probe} after {redrives} re-drive(s)");
        return found!;
    }

    private static List<ProbeDelivery> Deliveries(LedgerProbe probe) =>
        LedgerProbeConsumer.Deliveries.TryGetValue(probe.Id, out var d) ? [.. d] : [];

    private static Task<bool> WaitAsync(Func<bool> condition) => WaitAsync(() => Task.FromResult(condition()));

    private static async Task<bool> WaitAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
                return true;
            await Task.Delay(100);
        }
        return false;
    }

    /// <summary>The platform's messaging (bus, outbox relay, fault ledger and re-driver) with the probe's consumer.</summary>
    private sealed class LedgerHost : IAsyncDisposable
    {
        private readonly Microsoft.Extensions.Hosting.IHost _host;
        private readonly TestDatabase? _database;
        private readonly string? _directory;

        private LedgerHost(Microsoft.Extensions.Hosting.IHost host, TestDatabase? database, string? directory)
        {
            _host = host;
            _database = database;
            _directory = directory;
        }

        public static async Task<LedgerHost> StartAsync(LedgerMode mode)
        {
            var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
            var settings = new Dictionary<string, string?>
            {
                ["Faults:RedriveDelay"] = "00:00:01",
                ["Faults:PollInterval"] = "00:00:00.200",
                ["Bus:EndpointPrefix"] = $"f{Guid.NewGuid():N}"[..12],
            };
            TestDatabase? database = null;
            string? directory = null;
            if (mode == LedgerMode.Distributed)
            {
                var services = await TestServices.GetAsync();
                database = await TestServices.CreateDatabaseAsync();
                settings["ConnectionStrings:Platform"] = database.ConnectionString;
                settings["Bus:Transport"] = "RabbitMq";
                settings["Bus:RabbitMq:Host"] = services.RabbitHost;
                settings["Bus:RabbitMq:Port"] = services.RabbitPort.ToString();
                settings["Bus:RabbitMq:VirtualHost"] = services.RabbitVirtualHost;
                settings["Bus:RabbitMq:Username"] = services.RabbitUser;
                settings["Bus:RabbitMq:Password"] = services.RabbitPassword;
            }
            else
            {
                directory = Directory.CreateTempSubdirectory("ip-ledger-").FullName;
                settings["ConnectionStrings:Platform"] = $"Data Source={Path.Combine(directory, "platform.db")}";
            }
            builder.Configuration.AddInMemoryCollection(settings);
            builder.AddPlatformData();
            builder.AddPlatformMessaging<PlatformDbContext>(bus => bus.AddConsumer<LedgerProbeConsumer>());
            var host = builder.Build();
            await host.Services.GetRequiredService<PlatformDatabaseMigrator>().MigrateAsync();
            await host.StartAsync();
            return new LedgerHost(host, database, directory);
        }

        public async Task SendAsync(LedgerProbe probe)
        {
            var formatter = _host.Services.GetRequiredService<IEndpointNameFormatter>();
            var endpoint = await _host.Services.GetRequiredService<IBus>()
                .GetSendEndpoint(new Uri($"queue:{formatter.Consumer<LedgerProbeConsumer>()}"));
            await endpoint.Send(probe);
        }

        public async Task<MessageFault?> FindAsync(LedgerProbe probe, int redrives)
        {
            await using var scope = _host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var rows = await db.MessageFaults.AsNoTracking().Where(f => f.Redrives == redrives).ToListAsync();
            return rows.FirstOrDefault(f => f.Body.Contains(probe.Id.ToString()));
        }

        public async Task<int> CountAsync(LedgerProbe probe)
        {
            await using var scope = _host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            return (await db.MessageFaults.AsNoTracking().Select(f => f.Body).ToListAsync()).Count(b => b.Contains(probe.Id.ToString()));
        }

        public async Task<RedriveOutcome> RedriveAsync(Guid id)
        {
            await using var scope = _host.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<FaultRedrive>().RedriveAsync(id, CancellationToken.None);
        }

        public async Task<bool> DiscardAsync(Guid id)
        {
            await using var scope = _host.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<FaultRedrive>().DiscardAsync(id, CancellationToken.None);
        }

        public async ValueTask DisposeAsync()
        {
            await _host.StopAsync();
            _host.Dispose();
            if (_database is not null)
                await _database.DisposeAsync();
            if (_directory is not null)
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                await ScratchFolder.DeleteAsync(_directory);
            }
        }
    }
}
