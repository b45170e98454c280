using System.Net.Sockets;
using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Data.Ingestion;
using InvestmentPlatform.Ingestion.Planning;
using InvestmentPlatform.Ingestion.Dispatch;
using InvestmentPlatform.Ingestion.Outcomes;
using InvestmentPlatform.Ingestion.Sweeping;
using InvestmentPlatform.Ingestion;
using InvestmentPlatform.Ingestion.Tests.Infrastructure;
using MassTransit;
using MassTransit.Events;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace InvestmentPlatform.Ingestion.Tests;

public sealed class When_a_chunk_faults : IAsyncLifetime
{
    private readonly Guid _chunkId = Guid.NewGuid();
    private readonly Guid _requestId = Guid.NewGuid();
    private IngestionHarness _ingestion = null!;

    public async Task InitializeAsync()
    {
        _ingestion = await IngestionHarness.StartAsync(bus => bus.AddConsumer<ChunkFaultConsumer>());
        await _ingestion.SeedAsync(Rows.Request(_requestId), new IngestionChunk { Id = _chunkId, RequestId = _requestId, Symbol = "X", Status = ChunkStatuses.Collecting });
    }

    public async Task DisposeAsync() => await _ingestion.DisposeAsync();

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
        await _ingestion.DbAsync(db => db.IngestionRequests.ExecuteUpdateAsync(u => u.SetProperty(r => r.CreatedAt, DateTime.UtcNow.AddMinutes(-30))));

        await PublishFaultAsync(new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused)));

        Assert.Equal(ChunkStatuses.Failed, (await WaitForChunkAsync(c => c.Status != ChunkStatuses.Collecting)).Status);
    }

    private Task PublishFaultAsync(Exception exception) =>
        _ingestion.Bus.Bus.Publish<Fault<CollectChunk>>(new
        {
            Message = new CollectChunk(_requestId, _chunkId, "fake", "X", "crypto", "1m",
                new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2024, 1, 2, 0, 0, 0, DateTimeKind.Utc)),
            Exceptions = new ExceptionInfo[] { new FaultExceptionInfo(exception) },
        });

    private Task<IngestionChunk> WaitForChunkAsync(Func<IngestionChunk, bool> condition) =>
        _ingestion.WaitForAsync(db => db.IngestionChunks.AsNoTracking().SingleAsync(), condition, "The chunk leaving collecting");
}
