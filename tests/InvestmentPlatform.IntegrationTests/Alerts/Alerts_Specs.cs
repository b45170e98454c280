using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.IntegrationTests.Api;
using InvestmentPlatform.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static InvestmentPlatform.IntegrationTests.Alerts.AlertsHost;

namespace InvestmentPlatform.IntegrationTests.Alerts;

/// <summary>Rules of alice's on bars loaded through the pipeline, on PostgreSQL + RabbitMQ and on SQLite + the in-memory bus.</summary>
public abstract class When_alert_rules_watch_loaded_bars(ApiDatabase database) : IAsyncLifetime
{
    private AlertsHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await AlertsHost.StartAsync(database);
        await _host.LoadAsync("ALRT", (2, 100, 10), (3, 101, 10), (4, 102, 10));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<Guid> CreateAsync(HttpClient client, object rule) =>
        (await JsonAsync(await client.PostAsJsonAsync("/api/alerts", rule), HttpStatusCode.Created)).GetProperty("id").GetGuid();

    private const string HookSecret = "a-secret-of-the-receiver";

    /// <summary>A price rule of alice's on ALRT above <paramref name="level"/>, told in-app and by webhook to <paramref name="receiver"/>.</summary>
    private Task<Guid> CreateHookedAsync(string name, double level, WebhookReceiver receiver) => CreateAsync(_host.Alice, new
    {
        name, kind = "price", symbol = "ALRT", interval = "1d", direction = "above", level,
        channels = new[] { "inapp", "webhook" }, webhookUrl = receiver.Url, webhookSecret = HookSecret,
    });

    private async Task<List<JsonElement>> FiringsAsync(Guid rule) =>
        (await JsonAsync(await _host.Alice.GetAsync($"/api/alerts/{rule}/firings"), HttpStatusCode.OK))
        .GetProperty("items").EnumerateArray().OrderBy(f => f.GetProperty("triggerTime").GetDateTime()).ToList();

    [Fact]
    public async Task Should_keep_each_rule_to_its_owner_and_refuse_bad_rules_with_the_field()
    {
        var id = await CreateAsync(_host.Alice, new { name = "breakout", kind = "price", symbol = "ALRT", interval = "1d", direction = "above", level = 105, hysteresis = 2 });

        var mine = await JsonAsync(await _host.Alice.GetAsync($"/api/alerts/{id}"), HttpStatusCode.OK);
        Assert.Equal("close", mine.GetProperty("field").GetString());
        Assert.True(mine.GetProperty("armed").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await _host.Bob.GetAsync($"/api/alerts/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _host.Bob.PutAsJsonAsync($"/api/alerts/{id}", new { name = "mine now", kind = "price", symbol = "ALRT", interval = "1d", direction = "below", level = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _host.Bob.DeleteAsync($"/api/alerts/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _host.Bob.GetAsync($"/api/alerts/{id}/firings")).StatusCode);
        Assert.Equal(0, (await JsonAsync(await _host.Bob.GetAsync("/api/alerts"), HttpStatusCode.OK)).GetProperty("totalCount").GetInt32());

        var bad = new (object Rule, string Field)[]
        {
            (new { name = "x", kind = "price", symbol = "NOPE", interval = "1d", direction = "above", level = 1 }, "symbol"),
            (new { name = "x", kind = "price", symbol = "ALRT", interval = "1d", direction = "above" }, "level"),
            (new { name = "x", kind = "price", symbol = "ALRT", interval = "2d", direction = "above", level = 1 }, "interval"),
            (new { name = "x", kind = "price", symbol = "ALRT", interval = "1d", direction = "sideways", level = 1 }, "direction"),
            (new { name = "x", kind = "price", symbol = "ALRT", interval = "1d", direction = "above", level = 1, hysteresis = -1 }, "hysteresis"),
            (new { name = "x", kind = "gossip", symbol = "ALRT", interval = "1d" }, "kind"),
            (new { name = "", kind = "move", symbol = "ALRT", interval = "1d", percent = 5, bars = 2 }, "name"),
            (new { name = "x", kind = "move", symbol = "ALRT", interval = "1d", percent = 0, bars = 2 }, "percent"),
            (new { name = "x", kind = "volume", symbol = "ALRT", interval = "1d", multiplier = 3, bars = 0 }, "bars"),
            (new { name = "x", kind = "volume", symbol = "ALRT", interval = "1d", multiplier = 3, bars = 5, cooldownSeconds = -1 }, "cooldownSeconds"),
            (new { name = "x", kind = "volume", symbol = "ALRT", interval = "1d", multiplier = 3, bars = 5, channels = new[] { "sms" } }, "channels"),
            (new { name = "x", kind = "volume", symbol = "ALRT", interval = "1d", multiplier = 3, bars = 5, channels = new[] { "webhook" }, webhookUrl = "https://example.com/hook" }, "webhookSecret"),
            (new { name = "x", kind = "volume", symbol = "ALRT", interval = "1d", multiplier = 3, bars = 5, channels = new[] { "email" }, email = "not an address" }, "email"),
            (new { name = "x", kind = "job", jobId = Guid.NewGuid() }, "jobId"),
        };
        foreach (var (rule, field) in bad)
            await ProblemAssert.IsProblemAsync(await _host.Alice.PostAsJsonAsync("/api/alerts", rule), HttpStatusCode.UnprocessableEntity, field);
        // A level JSON can write but no double holds: refused whether the reader overflows or reads infinity.
        var infinite = await _host.Alice.PutAsync($"/api/alerts/{id}", new StringContent(
            """{"name":"x","kind":"price","symbol":"ALRT","interval":"1d","direction":"above","level":1e999}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Contains((int)infinite.StatusCode, new[] { 400, 422 });
        Assert.Equal(105, (await JsonAsync(await _host.Alice.GetAsync($"/api/alerts/{id}"), HttpStatusCode.OK)).GetProperty("level").GetDouble());
        Assert.Equal(1, (await JsonAsync(await _host.Alice.GetAsync("/api/alerts"), HttpStatusCode.OK)).GetProperty("totalCount").GetInt32());

        var paused = await JsonAsync(await _host.Alice.PutAsJsonAsync($"/api/alerts/{id}",
            new { name = "breakout", kind = "price", symbol = "ALRT", interval = "1d", direction = "above", level = 105, hysteresis = 2, enabled = false, cooldownSeconds = 60 }), HttpStatusCode.OK);
        Assert.False(paused.GetProperty("enabled").GetBoolean());
        Assert.Equal(60, paused.GetProperty("cooldownSeconds").GetInt32());
        Assert.Equal(HttpStatusCode.NoContent, (await _host.Alice.DeleteAsync($"/api/alerts/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _host.Alice.GetAsync($"/api/alerts/{id}")).StatusCode);
    }

    [Fact]
    public async Task Should_fire_once_per_crossing_rearm_past_the_hysteresis_and_ignore_redelivery()
    {
        var price = await CreateAsync(_host.Alice, new { name = "breakout", kind = "price", symbol = "ALRT", interval = "1d", direction = "above", level = 105, hysteresis = 3 });
        var move = await CreateAsync(_host.Alice, new { name = "jump", kind = "move", symbol = "ALRT", interval = "1d", direction = "up", percent = 5, bars = 2 });
        var volume = await CreateAsync(_host.Alice, new { name = "busy", kind = "volume", symbol = "ALRT", interval = "1d", multiplier = 3, bars = 3 });
        var paused = await CreateAsync(_host.Alice, new { name = "paused", kind = "price", symbol = "ALRT", interval = "1d", direction = "above", level = 1, enabled = false });
        var (hub, pushed) = await _host.ListenAsync(_host.AliceToken);
        await using var _ = hub;

        // 108 is past 105; 108 / 102 (two bars back) is +5.9 %; volume 50 is 5x the median 10.
        await _host.LoadAsync("ALRT", (5, 103, 10), (8, 108, 50));
        Assert.Single(await FiringsAsync(price));
        Assert.Equal(108, (await FiringsAsync(price))[0].GetProperty("value").GetDouble());
        Assert.Single(await FiringsAsync(move));
        Assert.Equal(5, (await FiringsAsync(volume))[0].GetProperty("value").GetDouble(), 6);
        Assert.Empty(await FiringsAsync(paused));

        // Still past the level, then back to 103 (not 3 below): no firing; 101 re-arms; 106 fires again.
        await _host.LoadAsync("ALRT", (9, 107, 10));
        await _host.LoadAsync("ALRT", (10, 103, 10));
        Assert.Single(await FiringsAsync(price));
        await _host.LoadAsync("ALRT", (11, 101, 10));
        await _host.LoadAsync("ALRT", (12, 106, 10));
        var firings = await FiringsAsync(price);
        Assert.Equal([Day(8), Day(12)], firings.Select(f => f.GetProperty("triggerTime").GetDateTime().ToUniversalTime()));

        // The last SeriesUpdated again, to several consumers at once, and an older one: nothing fires twice.
        var asset = (await JsonAsync(await _host.Alice.GetAsync("/api/assets/ALRT"), HttpStatusCode.OK)).GetProperty("assetId").GetInt64();
        var again = new SeriesUpdated(asset, "ALRT", "stock", "1d", Day(12), Day(12), 1, new SeriesRow(Day(12), 106, 106, 106, 106, 106, 10),
            "csv", Guid.NewGuid(), DateTime.UtcNow);
        await _host.RedeliverAsync(again, 3);
        await _host.RedeliverAsync(again with { RequestId = Guid.NewGuid(), LastBar = new SeriesRow(Day(8), 108, 108, 108, 108, 108, 50) }, 1);
        Assert.Equal(2, (await FiringsAsync(price)).Count);
        Assert.Single(await FiringsAsync(move));
        Assert.Single(await FiringsAsync(volume));

        // Four firings in alice's inbox and pushed to her; bob's inbox is empty.
        var inbox = await JsonAsync(await _host.Alice.GetAsync("/api/notifications"), HttpStatusCode.OK);
        Assert.Equal(4, inbox.GetProperty("unread").GetInt32());
        Assert.Equal(4, inbox.GetProperty("page").GetProperty("totalCount").GetInt32());
        Assert.Equal(0, (await JsonAsync(await _host.Bob.GetAsync("/api/notifications"), HttpStatusCode.OK)).GetProperty("unread").GetInt32());
        await Until(() => pushed.Count >= 4);
        Assert.Equal(4, pushed.Select(p => p.GetProperty("firingId").GetGuid()).Distinct().Count());
        Assert.Contains(pushed, p => p.GetProperty("ruleName").GetString() == "jump");

        var first = inbox.GetProperty("page").GetProperty("items")[0].GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await _host.Bob.PostAsync($"/api/notifications/{first}/read", null)).StatusCode);
        Assert.Equal(3, (await JsonAsync(await _host.Alice.PostAsync($"/api/notifications/{first}/read", null), HttpStatusCode.OK)).GetProperty("unread").GetInt32());
        Assert.Equal(3, (await JsonAsync(await _host.Alice.GetAsync("/api/notifications?unread=true"), HttpStatusCode.OK)).GetProperty("page").GetProperty("totalCount").GetInt32());
        await JsonAsync(await _host.Alice.PostAsync("/api/notifications/read-all", null), HttpStatusCode.OK);
        Assert.Equal(0, (await JsonAsync(await _host.Alice.GetAsync("/api/notifications/unread-count"), HttpStatusCode.OK)).GetProperty("unread").GetInt32());
    }

    [Fact]
    public async Task Should_tell_only_the_jobs_owner_once_when_a_run_fails()
    {
        var job = (await JsonAsync(await _host.Alice.PostAsJsonAsync("/api/scheduler/jobs", new
        {
            name = "nightly", source = "recording", symbols = new[] { "ALRT" }, interval = "1d",
            schedule = new { kind = "interval", intervalSeconds = 86400 }, enabled = false,
        }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await ProblemAssert.IsProblemAsync(await _host.Bob.PostAsJsonAsync("/api/alerts", new { name = "theirs", kind = "job", jobId = job }),
            HttpStatusCode.UnprocessableEntity, "jobId");
        var rule = await CreateAsync(_host.Alice, new { name = "nightly broke", kind = "job", jobId = job });
        var (aliceHub, alicePushed) = await _host.ListenAsync(_host.AliceToken);
        await using var a = aliceHub;
        var (bobHub, bobPushed) = await _host.ListenAsync(_host.BobToken);
        await using var b = bobHub;

        var failed = new Contracts.Scheduler.JobRunStatusChanged(job, Guid.NewGuid(), "nightly", "failed", 0, "Transient", "provider down", DateTime.UtcNow);
        var bus = _host.Services.GetRequiredService<MassTransit.IBus>();
        // The alerts' consumer of run changes sees both copies.
        using (var consumed = new ConsumedSignal<Contracts.Scheduler.JobRunStatusChanged>(bus, m => m.RunId == failed.RunId, 2, "job-run"))
        {
            await Task.WhenAll(bus.Publish(failed), bus.Publish(failed));
            await consumed.WaitAsync(TimeSpan.FromSeconds(60));
        }

        var firing = Assert.Single(await FiringsAsync(rule));
        Assert.Contains("provider down", firing.GetProperty("message").GetString());
        Assert.Equal(1, (await JsonAsync(await _host.Alice.GetAsync("/api/notifications/unread-count"), HttpStatusCode.OK)).GetProperty("unread").GetInt32());
        Assert.Equal(0, (await JsonAsync(await _host.Bob.GetAsync("/api/notifications/unread-count"), HttpStatusCode.OK)).GetProperty("unread").GetInt32());
        await Until(() => !alicePushed.IsEmpty);
        Assert.Equal("nightly broke", Assert.Single(alicePushed).GetProperty("ruleName").GetString());
        Assert.Empty(bobPushed);
    }

    [Fact]
    public async Task Should_deliver_a_signed_webhook_once_after_two_failed_attempts_and_log_each()
    {
        await using var receiver = new WebhookReceiver(HookSecret, failures: 2);
        var rule = await CreateHookedAsync("hooked", 105, receiver);
        Assert.True((await JsonAsync(await _host.Alice.GetAsync($"/api/alerts/{rule}"), HttpStatusCode.OK)).GetProperty("hasWebhookSecret").GetBoolean());

        await _host.LoadAsync("ALRT", (5, 108, 10));
        await Until(() => !receiver.Accepted.IsEmpty);

        var body = JsonDocument.Parse(Assert.Single(receiver.Accepted)).RootElement;
        Assert.Equal(rule, body.GetProperty("ruleId").GetGuid());
        Assert.Equal(108, body.GetProperty("value").GetDouble());
        Assert.Equal(3, receiver.Requests);
        var log = await DeliveriesAsync(rule, "webhook", 3);
        Assert.Equal(3, log.Count);
        Assert.Equal([500, 500, 200], log.Select(d => d.GetProperty("statusCode").GetInt32()));
        Assert.Equal(["failed", "failed", "delivered"], log.Select(d => d.GetProperty("status").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await _host.Bob.GetAsync($"/api/alerts/{rule}/deliveries")).StatusCode);
    }

    [Fact]
    public async Task Should_email_a_firing_once_to_the_rules_address_and_not_again_for_the_same_bar()
    {
        // The Maildir is shared by every run against this server: this rule's mail is told apart by its address.
        var to = $"alice-{Guid.NewGuid():N}@example.com";
        var rule = await CreateAsync(_host.Alice, new
        {
            name = "mailed breakout", kind = "price", symbol = "ALRT", interval = "1d", direction = "above", level = 105,
            channels = new[] { "email" }, email = to,
        });

        await _host.LoadAsync("ALRT", (5, 108, 10));
        var log = await DeliveriesAsync(rule, "email", 1);
        Assert.Equal("delivered", Assert.Single(log).GetProperty("status").GetString());
        var mail = Assert.Single(Mailbox(), m => m.To.Mailboxes.Any(a => a.Address == to));
        Assert.Equal("Alert: mailed breakout (ALRT)", mail.Subject);
        Assert.Equal("alerts@platform.test", mail.From.Mailboxes.Single().Address);
        Assert.Contains("Value: 108", mail.TextBody);
        Assert.Contains("Time: 2024-01-05 00:00 UTC", mail.TextBody);
        Assert.Contains("<td>ALRT (1d)</td>", mail.HtmlBody);

        // The same bar again: the rule does not fire again, and a redelivered AlertTriggered sends nothing more.
        var asset = (await JsonAsync(await _host.Alice.GetAsync("/api/assets/ALRT"), HttpStatusCode.OK)).GetProperty("assetId").GetInt64();
        await _host.RedeliverAsync(new SeriesUpdated(asset, "ALRT", "stock", "1d", Day(5), Day(5), 1, new SeriesRow(Day(5), 108, 108, 108, 108, 108, 10),
            "csv", Guid.NewGuid(), DateTime.UtcNow), 2);
        Assert.Single(await FiringsAsync(rule));
        var firing = (await FiringsAsync(rule))[0];
        var triggered = new Contracts.Alerts.AlertTriggered(firing.GetProperty("id").GetGuid(), rule, "alice", "mailed breakout", "price", "ALRT", "1d",
            Day(5), 108, "again", ["email"], DateTime.UtcNow);
        var bus = _host.Services.GetRequiredService<MassTransit.IBus>();
        // Webhook, email and the live push each consume it: wait for all three.
        using (var consumed = new ConsumedSignal<Contracts.Alerts.AlertTriggered>(bus, m => m.Message == "again", 3))
        {
            await bus.Publish(triggered);
            await consumed.WaitAsync(TimeSpan.FromSeconds(60));
        }
        Assert.Single(await DeliveriesAsync(rule, "email", 1));
        Assert.Single(Mailbox(), m => m.To.Mailboxes.Any(a => a.Address == to));
    }

    [Fact]
    public async Task Should_send_a_test_firing_on_the_rules_channels_to_its_owner_alone_and_store_nothing()
    {
        await using var receiver = new WebhookReceiver(HookSecret, failures: 0);
        var rule = await CreateHookedAsync("tested", 500, receiver);
        var (aliceHub, alicePushed) = await _host.ListenAsync(_host.AliceToken);
        await using var a = aliceHub;
        var (bobHub, bobPushed) = await _host.ListenAsync(_host.BobToken);
        await using var b = bobHub;

        await ProblemAssert.IsProblemAsync(await _host.Bob.PostAsync($"/api/alerts/{rule}/test", null), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await _host.Alice.PostAsync($"/api/alerts/{Guid.NewGuid()}/test", null), HttpStatusCode.NotFound);
        var test = (await JsonAsync(await _host.Alice.PostAsync($"/api/alerts/{rule}/test", null), HttpStatusCode.Accepted)).GetProperty("firingId").GetGuid();

        await Until(() => !receiver.Accepted.IsEmpty && !alicePushed.IsEmpty);
        var hook = JsonDocument.Parse(Assert.Single(receiver.Accepted)).RootElement;
        Assert.Equal(test, hook.GetProperty("firingId").GetGuid());
        Assert.Equal(rule, hook.GetProperty("ruleId").GetGuid());
        Assert.Equal(500, hook.GetProperty("value").GetDouble());
        Assert.StartsWith("Test of the rule \"tested\"", hook.GetProperty("message").GetString());
        var push = Assert.Single(alicePushed);
        Assert.Equal(test, push.GetProperty("firingId").GetGuid());
        Assert.Equal(0, push.GetProperty("unread").GetInt32());
        Assert.Empty(bobPushed);

        // A test is not a firing: no history, no inbox row, and the rule is as it was.
        Assert.Empty(await FiringsAsync(rule));
        Assert.Equal(0, (await JsonAsync(await _host.Alice.GetAsync("/api/notifications"), HttpStatusCode.OK)).GetProperty("page").GetProperty("totalCount").GetInt32());
        var after = await JsonAsync(await _host.Alice.GetAsync($"/api/alerts/{rule}"), HttpStatusCode.OK);
        Assert.True(after.GetProperty("armed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, after.GetProperty("lastFiredAt").ValueKind);
    }

    /// <summary>The delivery log of <paramref name="rule"/> on <paramref name="channel"/>, once it has <paramref name="count"/> rows.</summary>
    private async Task<List<JsonElement>> DeliveriesAsync(Guid rule, string channel, int count)
    {
        List<JsonElement> log = [];
        await UntilAsync(async () =>
        {
            log = JsonDocument.Parse(await _host.Alice.GetStringAsync($"/api/alerts/{rule}/deliveries")).RootElement.EnumerateArray()
                .Where(d => d.GetProperty("channel").GetString() == channel).OrderBy(d => d.GetProperty("attempt").GetInt32()).ToList();
            return log.Count >= count;
        });
        return log;
    }
}

[Collection(IntegrationCollection.Name)]
public sealed class When_alert_rules_watch_loaded_bars_on_PostgreSQL() : When_alert_rules_watch_loaded_bars(ApiDatabase.Postgres);

[Collection(IntegrationCollection.Name)]
public sealed class When_alert_rules_watch_loaded_bars_on_SQLite() : When_alert_rules_watch_loaded_bars(ApiDatabase.Sqlite);
