using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using InvestmentPlatform.IntegrationTests.Api;
using InvestmentPlatform.IntegrationTests.Hostile;
using InvestmentPlatform.IntegrationTests.Infrastructure;
using MassTransit;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace InvestmentPlatform.IntegrationTests.Alerts;

/// <summary>
/// A whole platform with two analysts, alice and bob, each with their own client; bars reach it through CSV uploads,
/// which go the real way: request, collector, loader, SeriesUpdated through the outbox.
/// </summary>
public sealed class AlertsHost : IAsyncDisposable
{
    /// <summary>The receive endpoint of <c>SeriesAlertsConsumer</c>: loads and redeliveries wait for the alerts to have run there.</summary>
    private const string AlertsEndpoint = "series-alerts";

    private readonly HostileHost _platform;

    private AlertsHost(HostileHost platform, HttpClient alice, HttpClient bob, string aliceToken, string bobToken)
    {
        BobToken = bobToken;
        _platform = platform;
        Alice = alice;
        Bob = bob;
        AliceToken = aliceToken;
    }

    public HttpClient Alice { get; }
    public HttpClient Bob { get; }
    public string AliceToken { get; }
    public string BobToken { get; }
    public IServiceProvider Services => _platform.Host.Services;

    public static async Task<AlertsHost> StartAsync(ApiDatabase database)
    {
        // Webhooks go to a loopback receiver, and retries come quickly.
        var platform = await HostileHost.StartAsync(database, new Dictionary<string, string?>
        {
            ["Alerts:Delivery:AllowPrivateTargets"] = "true",
            // Webhook channels may name only these: the loopback receivers, and example.com with its subdomains.
            ["Alerts:Delivery:AllowedTargets:0"] = "127.0.0.0/8",
            ["Alerts:Delivery:AllowedTargets:1"] = "example.com",
            ["Alerts:Delivery:AllowedTargets:2"] = "*.example.com",
            ["Alerts:Delivery:FirstRetryMilliseconds"] = "100",
            // The specs run the stale-data checks themselves, at the times they choose: Quartz's run stays a day away.
            ["Alerts:CheckSeconds"] = "86400",
            // Email goes to the local SMTP server test.sh starts (scripts/test-smtp.sh), in the clear.
            ["Alerts:Smtp:Host"] = "127.0.0.1",
            ["Alerts:Smtp:Port"] = Environment.GetEnvironmentVariable("IP_TEST_SMTP_PORT") ?? "1",
            ["Alerts:Smtp:StartTls"] = "false",
            ["Alerts:Smtp:From"] = "Investment Platform <alerts@platform.test>",
        });
        var server = platform.Host.App.Server;
        async Task<(HttpClient, string)> UserAsync(string name)
        {
            var created = await platform.Client.PostAsJsonAsync("/api/users", new { userName = name, password = "User-pass-123", role = "analyst" });
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
            var token = await TestAccess.SignInAsync(server.CreateClient(), name, "User-pass-123");
            var client = server.CreateClient();
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            return (client, token);
        }
        var (alice, aliceToken) = await UserAsync("alice");
        var (bob, bobToken) = await UserAsync("bob");
        return new AlertsHost(platform, alice, bob, aliceToken, bobToken);
    }

    /// <summary>Loads daily bars (day, close, volume) of <paramref name="symbol"/> through the pipeline and waits until
    /// the alerts consumer has handled the SeriesUpdated the load announced.</summary>
    public Task LoadAsync(string symbol, params (int Day, double Close, double Volume)[] bars) => LoadAsync(symbol, "stock", bars);

    /// <inheritdoc cref="LoadAsync(string, (int Day, double Close, double Volume)[])"/>
    public async Task LoadAsync(string symbol, string assetType, params (int Day, double Close, double Volume)[] bars)
    {
        var csv = new StringBuilder("Date,Open,High,Low,Close,Adj Close,Volume\n");
        foreach (var (day, close, volume) in bars)
            csv.Append(FormattableString.Invariant($"{Day(day):yyyy-MM-dd},{close},{close},{close},{close},{close},{volume}\n"));
        var last = Day(bars[^1].Day);
        using var evaluated = new ConsumedSignal<Contracts.Ingestion.SeriesUpdated>(Services.GetRequiredService<IBus>(),
            m => m.Symbol == symbol && m.LastBar.Time == last, endpoint: AlertsEndpoint);
        var id = await HostileHost.AcceptedAsync(await _platform.Host.Client.PostAsync(
            $"/api/ingestion/requests/csv?symbol={symbol}&assetType={assetType}&interval=1d", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv")));
        Assert.Equal("succeeded", (await _platform.Host.WaitFinishedAsync(id)).GetProperty("status").GetString());
        await evaluated.WaitAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>One run of an alert check as the Quartz job makes it, at <paramref name="now"/> on a fake clock.</summary>
    public async Task<int> CheckAtAsync<TCheck>(DateTime now) where TCheck : InvestmentPlatform.Alerts.Evaluation.IAlertCheck
    {
        await using var scope = Services.CreateAsyncScope();
        var check = ActivatorUtilities.CreateInstance<TCheck>(scope.ServiceProvider, (TimeProvider)new Microsoft.Extensions.Time.Testing.FakeTimeProvider(now));
        return await check.RunAsync(CancellationToken.None);
    }

    /// <summary>Publishes <paramref name="message"/> <paramref name="copies"/> times at once, as a redelivery to several
    /// workers would, and waits until each copy was consumed.</summary>
    public async Task RedeliverAsync(Contracts.Ingestion.SeriesUpdated message, int copies)
    {
        var bus = Services.GetRequiredService<IBus>();
        using var consumed = new ConsumedSignal<Contracts.Ingestion.SeriesUpdated>(bus, m => m.RequestId == message.RequestId, copies, AlertsEndpoint);
        await Task.WhenAll(Enumerable.Range(0, copies).Select(_ => bus.Publish(message)));
        await consumed.WaitAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>The messages the test SMTP server stored in its Maildir (scripts/test-smtp.sh).</summary>
    public static List<MimeKit.MimeMessage> Mailbox()
    {
        var maildir = Environment.GetEnvironmentVariable("IP_TEST_SMTP_MAILDIR");
        Assert.False(string.IsNullOrEmpty(maildir), "IP_TEST_SMTP_MAILDIR is not set: source scripts/test-services.sh and scripts/test-smtp.sh first.");
        var folder = Path.Combine(maildir, "new");
        return Directory.Exists(folder) ? Directory.GetFiles(folder).Select(f => MimeKit.MimeMessage.Load(f)).ToList() : [];
    }

    public static DateTime Day(int day) => new(2024, 1, day, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>A hub connection of the token's user that keeps every notification pushed to them.</summary>
    public async Task<(HubConnection Connection, ConcurrentQueue<JsonElement> Pushed)> ListenAsync(string token)
    {
        var pushed = new ConcurrentQueue<JsonElement>();
        var server = _platform.Host.App.Server;
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, "/hubs/events"), o =>
            {
                o.HttpMessageHandlerFactory = _ => server.CreateHandler();
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();
        connection.On<JsonElement>("notification", body => pushed.Enqueue(body));
        await connection.StartAsync();
        return (connection, pushed);
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    /// <summary>Waits until <paramref name="condition"/> holds, for at most 30 s.</summary>
    public static Task Until(Func<bool> condition) => UntilAsync(() => Task.FromResult(condition()));

    public static async Task UntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not hold within 30 s.");
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Alice.Dispose();
        Bob.Dispose();
        await _platform.DisposeAsync();
    }
}
