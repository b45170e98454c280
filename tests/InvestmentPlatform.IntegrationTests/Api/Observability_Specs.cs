using System.Collections.Concurrent;
using OpenTelemetry;
using System.Diagnostics;
using System.Net;
using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Data;
using InvestmentPlatform.Messaging.Outbox;
using InvestmentPlatform.IntegrationTests.Infrastructure;
using InvestmentPlatform.ServiceDefaults;
using InvestmentPlatform.ServiceDefaults.Correlation;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace InvestmentPlatform.IntegrationTests.Api;

[Collection(IntegrationCollection.Name)]
public sealed class When_the_platform_is_observed : IAsyncLifetime
{
    private readonly SpanSources _spans = new();
    private ApiHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await ApiHost.StartAsync(services: s => s.ConfigureOpenTelemetryTracerProvider(t => t.AddProcessor(_spans)));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Should_expose_ingestion_counters_to_a_Prometheus_scrape()
    {
        var source = $"src{Guid.NewGuid():N}"[..10];
        // What the collector and loader consumers record for every batch.
        PlatformMetrics.RowsCollected.Add(120, new KeyValuePair<string, object?>("source", source));
        PlatformMetrics.RowsLoaded.Add(118, new("source", source), new("table", "market_data"));
        PlatformMetrics.RowsRejected.Add(2, new KeyValuePair<string, object?>("source", source));

        Assert.Equal(HttpStatusCode.OK, (await _host.Client.GetAsync("/api/assets")).StatusCode);
        string scrape = "";
        for (var i = 0; i < 40 && !(scrape.Contains(source) && scrape.Contains("http_server_request_duration_seconds")); i++)
        {
            await Task.Delay(250);
            scrape = await _host.Client.GetStringAsync("/metrics");
        }
        Assert.Contains($"platform_ingestion_rows_collected_total{{otel_scope_name=\"InvestmentPlatform\",source=\"{source}\"}} 120", scrape);
        Assert.Contains($"platform_ingestion_rows_loaded_total{{otel_scope_name=\"InvestmentPlatform\",source=\"{source}\",table=\"market_data\"}} 118", scrape);
        Assert.Contains("http_server_request_duration_seconds", scrape);
    }

    [Fact]
    public async Task Should_echo_or_create_the_correlation_id()
    {
        var given = Guid.NewGuid();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/assets");
        request.Headers.Add(CorrelationId.HeaderName, given.ToString());
        var response = await _host.Client.SendAsync(request);
        Assert.Equal(given.ToString(), response.Headers.GetValues(CorrelationId.HeaderName).Single());

        var created = (await _host.Client.GetAsync("/api/assets")).Headers.GetValues(CorrelationId.HeaderName).Single();
        Assert.True(Guid.TryParse(created, out var id) && id != given);
    }

    [Fact]
    public async Task Should_carry_the_correlation_id_from_the_outbox_through_the_bus()
    {
        var correlation = Guid.NewGuid();
        var received = new TaskCompletionSource<(Guid? CorrelationId, string? Header)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var connector = _host.Factory.Services.GetRequiredService<IReceiveEndpointConnector>();
        var handle = connector.ConnectReceiveEndpoint($"correlation-probe-{Guid.NewGuid():N}", (context, cfg) =>
            cfg.Handler<CollectionProgress>(ctx =>
            {
                received.TrySetResult((ctx.CorrelationId, ctx.Headers.Get<string>(CorrelationId.HeaderName)));
                return Task.CompletedTask;
            }));
        await handle.Ready;

        // As an endpoint does while handling a request: the correlation id is ambient, the outbox row picks it up.
        CorrelationId.Current = correlation;
        await using (var scope = _host.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            db.EnqueuePublish(new CollectionProgress(Guid.NewGuid(), null, null, "AAPL", 1, 1, 1, 1, DateTime.UtcNow));
            await db.SaveChangesAsync();
            Assert.Equal(correlation, await db.Outbox.Select(o => o.CorrelationId).SingleAsync());
        }
        CorrelationId.Current = null;

        var (messageCorrelation, header) = await received.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(correlation, messageCorrelation);
        Assert.Equal(correlation.ToString(), header);
        await handle.ReceiveEndpoint.Stop();
    }

    [Fact]
    public async Task Should_trace_http_database_and_bus_work()
    {
        await _host.CreateAssetAsync("AAPL");
        await _host.Factory.Services.GetRequiredService<IBus>().Publish(
            new CollectionProgress(Guid.NewGuid(), null, null, "AAPL", 1, 1, 1, 1, DateTime.UtcNow));
        using (var outbound = new HttpClient())
        {
            // Nothing listens on port 9: the failed call is still traced.
            try { await outbound.GetAsync("http://127.0.0.1:9/"); } catch (HttpRequestException) { }
        }

        string[] expected = ["Microsoft.AspNetCore", "Npgsql", "MassTransit", "System.Net.Http"];
        for (var i = 0; i < 80 && !expected.All(Seen); i++)
            await Task.Delay(250);
        Assert.All(expected, name => Assert.True(Seen(name), $"No span from {name}; saw {string.Join(", ", Sources())}"));

        bool Seen(string name) => Sources().Contains(name);
        string[] Sources() => _spans.Names.Keys.ToArray();
    }
}

/// <summary>The sources of ended spans, recorded as they end: exporters fill their list from other threads.</summary>
internal sealed class SpanSources : BaseProcessor<Activity>
{
    public ConcurrentDictionary<string, bool> Names { get; } = new();

    public override void OnEnd(Activity data) => Names.TryAdd(data.Source.Name, true);
}
