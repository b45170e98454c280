using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InvestmentPlatform.Collectors.Tests.Infrastructure;

/// <summary>A real Kestrel server on 127.0.0.1 with a free port, answering with whatever the test scripts.</summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    public record Hit(string Path, IQueryCollection Query, DateTime At);

    private LoopbackServer(WebApplication app) => _app = app;

    public ConcurrentQueue<Hit> Hits { get; } = new();

    /// <summary>Handles every request; the int is the 1-based number of the request.</summary>
    public Func<HttpContext, int, Task> Handler { get; set; } = (ctx, _) => { ctx.Response.StatusCode = 404; return Task.CompletedTask; };

    public string Url { get; private set; } = "";

    public static async Task<LoopbackServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new LoopbackServer(app);
        var count = 0;
        app.Run(async ctx =>
        {
            server.Hits.Enqueue(new Hit(ctx.Request.Path, ctx.Request.Query, DateTime.UtcNow));
            await server.Handler(ctx, Interlocked.Increment(ref count));
        });
        await app.StartAsync();
        server.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }
}

public static class Reply
{
    public static Task Json(HttpContext ctx, string json, int status = 200)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json";
        return ctx.Response.WriteAsync(json);
    }

    public static Task Text(HttpContext ctx, string text, int status)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "text/plain";
        return ctx.Response.WriteAsync(text);
    }
}
