using System.Net.Sockets;
using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Ingestion;
using InvestmentPlatform.Ingestion.Coordinator;
using InvestmentPlatform.Messaging;
using MassTransit;
using MassTransit.Events;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace InvestmentPlatform.Ingestion.Tests;

public sealed class When_a_chunk_faults : IAsyncLifetime
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"ip-fault-{Guid.NewGuid():N}.db");
    private ServiceProvider _provider = null!;
    private ITestHarness _harness = null!;
    private readonly Guid _chunkId = Guid.NewGuid();
    private readonly Guid _requestId = Guid.NewGuid();

    public async Task InitializeAsync()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddDbContext<PlatformDbContext, SqlitePlatformDbContext>(o => o.UseSqlite($"Data Source={_file}").UseSnakeCaseNamingConvention());
        services.AddSingleton(new BusOptions());
        services.AddIngestionServices();
        services.AddMassTransitTestHarness(bus =>
        {
            bus.DisableUsageTelemetry();
            bus.AddConsumer<ChunkFaultConsumer>();
        });
        _provider = services.BuildServiceProvider(true);
        await using (var scope = _provider.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            await db.Database.MigrateAsync();
            db.IngestionRequests.Add(new IngestionRequest
            {
                Id = _requestId, Source = "fake", Symbols = "[\"X\"]", Interval = "1m", Mode = "batch", Status = IngestionStatuses.Running,
                CreatedAt = DateTime.UtcNow,
            });
            db.IngestionChunks.Add(new IngestionChunk { Id = _chunkId, RequestId = _requestId, Symbol = "X", Status = ChunkStatuses.Collecting });
            await db.SaveChangesAsync();
        }
        _harness = _provider.GetRequiredService<ITestHarness>();
        await _harness.Start();
    }

    public async Task DisposeAsync()
    {
        await _harness.Stop();
        await _provider.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }

    [Fact]
    public async Task Should_put_the_chunk_back_to_pending_when_the_database_was_away()
    {
        await PublishFaultAsync(new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused)));

        var chunk = await WaitForChunkAsync(c => c.Status != ChunkStatuses.Collecting);
        Assert.Equal(ChunkStatuses.Pending, chunk.Status);
        Assert.Equal(0, chunk.Redeliveries);
        Assert.Equal(nameof(ErrorClass.Transient), chunk.ErrorClass);
        Assert.NotNull(chunk.NotBefore);
    }

    [Fact]
    public async Task Should_fail_the_chunk_on_any_other_error()
    {
        await PublishFaultAsync(new ArgumentException("Part must be between 0 and 29."));

        Assert.Equal(ChunkStatuses.Failed, (await WaitForChunkAsync(c => c.Status != ChunkStatuses.Collecting)).Status);
    }

    [Fact]
    public async Task Should_fail_the_chunk_when_its_request_has_no_time_left()
    {
        await using (var scope = _provider.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().IngestionRequests
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.CreatedAt, DateTime.UtcNow.AddMinutes(-30)));

        await PublishFaultAsync(new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused)));

        Assert.Equal(ChunkStatuses.Failed, (await WaitForChunkAsync(c => c.Status != ChunkStatuses.Collecting)).Status);
    }

    private Task PublishFaultAsync(Exception exception) =>
        _harness.Bus.Publish<Fault<CollectChunk>>(new
        {
            Message = new CollectChunk(_requestId, _chunkId, "fake", "X", "crypto", "1m",
                new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2024, 1, 2, 0, 0, 0, DateTimeKind.Utc)),
            Exceptions = new ExceptionInfo[] { new FaultExceptionInfo(exception) },
        });

    private async Task<IngestionChunk> WaitForChunkAsync(Func<IngestionChunk, bool> condition)
    {
        for (var i = 0; i < 300; i++)
        {
            await using var scope = _provider.CreateAsyncScope();
            var chunk = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().IngestionChunks.AsNoTracking().SingleAsync();
            if (condition(chunk))
                return chunk;
            await Task.Delay(50);
        }
        throw new TimeoutException("The chunk never left collecting");
    }
}
