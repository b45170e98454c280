using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InvestmentPlatform.IntegrationTests.Api;
using InvestmentPlatform.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static InvestmentPlatform.IntegrationTests.Alerts.AlertsHost;

namespace InvestmentPlatform.IntegrationTests.Alerts;

/// <summary>
/// alice's webhook and email channels: kept to her, checked against the allowed targets, tested on demand, chosen by
/// her rules and delivered to when they fire; on PostgreSQL + RabbitMQ and on SQLite + the in-memory bus.
/// </summary>
public abstract class When_users_keep_notification_channels(ApiDatabase database) : IAsyncLifetime
{
    private const string Secret = "a-secret-of-the-receiver";
    private AlertsHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await AlertsHost.StartAsync(database);
        await _host.LoadAsync("CHAN", (2, 100, 10), (3, 101, 10));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static async Task<JsonElement> CreatedAsync(HttpClient client, string path, object body) =>
        await JsonAsync(await client.PostAsJsonAsync(path, body), HttpStatusCode.Created);

    [Fact]
    public async Task Should_keep_channels_to_their_owner_refuse_targets_outside_the_allow_list_and_deliver_firings_to_the_chosen_one()
    {
        await using var receiver = new WebhookReceiver(Secret, failures: 0);
        var hook = await CreatedAsync(_host.Alice, "/api/notification-channels", new { name = "ops hook", kind = "webhook", url = receiver.Url, secret = Secret });
        var hookId = hook.GetProperty("id").GetGuid();
        Assert.True(hook.GetProperty("hasSecret").GetBoolean());
        Assert.False(hook.TryGetProperty("secret", out _));
        var mail = await CreatedAsync(_host.Alice, "/api/notification-channels", new { name = "me", kind = "email", email = "alice@example.com" });

        // Another user's channel does not exist for bob, nor can his rules use it.
        Assert.Equal(HttpStatusCode.NotFound, (await _host.Bob.GetAsync($"/api/notification-channels/{hookId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _host.Bob.PostAsync($"/api/notification-channels/{hookId}/test", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _host.Bob.DeleteAsync($"/api/notification-channels/{hookId}")).StatusCode);
        Assert.Empty((await JsonAsync(await _host.Bob.GetAsync("/api/notification-channels"), HttpStatusCode.OK)).EnumerateArray());
        await ProblemAssert.IsProblemAsync(await _host.Bob.PostAsJsonAsync("/api/alerts", new
        {
            name = "theirs", kind = "price", symbol = "CHAN", interval = "1d", direction = "above", level = 105, channels = new[] { "webhook" }, webhookChannelId = hookId,
        }), HttpStatusCode.UnprocessableEntity, "webhookChannelId");

        var bad = new (object Channel, string Field)[]
        {
            (new { name = "x", kind = "webhook", url = "https://hooks.elsewhere.test/a", secret = Secret }, "webhookUrl"),
            (new { name = "x", kind = "webhook", url = "ftp://hooks.example.com/a", secret = Secret }, "webhookUrl"),
            (new { name = "x", kind = "webhook", url = "https://hooks.example.com/a", secret = "short" }, "webhookSecret"),
            (new { name = "x", kind = "email", email = "not an address" }, "email"),
            (new { name = "x", kind = "sms" }, "kind"),
            (new { name = "", kind = "email", email = "a@example.com" }, "name"),
        };
        foreach (var (channel, field) in bad)
            await ProblemAssert.IsProblemAsync(await _host.Alice.PostAsJsonAsync("/api/notification-channels", channel), HttpStatusCode.UnprocessableEntity, field);
        // A rule naming a webhook inline is held to the same allow-list.
        await ProblemAssert.IsProblemAsync(await _host.Alice.PostAsJsonAsync("/api/alerts", new
        {
            name = "x", kind = "price", symbol = "CHAN", interval = "1d", direction = "above", level = 105, channels = new[] { "webhook" },
            webhookUrl = "https://hooks.elsewhere.test/a", webhookSecret = Secret,
        }), HttpStatusCode.UnprocessableEntity, "webhookUrl");
        Assert.Equal(2, (await JsonAsync(await _host.Alice.GetAsync("/api/notification-channels"), HttpStatusCode.OK)).GetArrayLength());

        // Send test: one signed POST now, and its answer.
        var test = await JsonAsync(await _host.Alice.PostAsync($"/api/notification-channels/{hookId}/test", null), HttpStatusCode.OK);
        Assert.Equal(("delivered", 200), (test.GetProperty("status").GetString(), test.GetProperty("statusCode").GetInt32()));
        Assert.Contains("ops hook", Assert.Single(receiver.Accepted));

        // A rule choosing the channel: it shows the channel's address, the channel counts the rule, and a firing reaches it.
        var rule = await CreatedAsync(_host.Alice, "/api/alerts", new
        {
            name = "to ops", kind = "price", symbol = "CHAN", interval = "1d", direction = "above", level = 105,
            channels = new[] { "inapp", "webhook", "email" }, webhookChannelId = hookId, emailChannelId = mail.GetProperty("id").GetGuid(),
        });
        Assert.Equal(receiver.Url, rule.GetProperty("webhookUrl").GetString());
        Assert.Equal("alice@example.com", rule.GetProperty("email").GetString());
        Assert.Equal(1, (await JsonAsync(await _host.Alice.GetAsync($"/api/notification-channels/{hookId}"), HttpStatusCode.OK)).GetProperty("rules").GetInt32());
        await _host.LoadAsync("CHAN", (4, 106, 10));
        await Until(() => receiver.Accepted.Count == 2);
        Assert.Contains("to ops", receiver.Accepted.Last());

        // In use, the channel stays; once no rule uses it, it goes.
        var ruleId = rule.GetProperty("id").GetGuid();
        await ProblemAssert.IsProblemAsync(await _host.Alice.DeleteAsync($"/api/notification-channels/{hookId}"), HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NoContent, (await _host.Alice.DeleteAsync($"/api/alerts/{ruleId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _host.Alice.DeleteAsync($"/api/notification-channels/{hookId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _host.Alice.GetAsync($"/api/notification-channels/{hookId}")).StatusCode);
    }

    [Fact]
    public async Task Should_mark_a_webhook_failing_once_its_retries_are_spent_and_ok_after_it_delivers_again()
    {
        // Every attempt of the first firing fails: the first one and its five retries.
        await using var receiver = new WebhookReceiver(Secret, failures: 6);
        var hook = await CreatedAsync(_host.Alice, "/api/notification-channels", new { name = "flaky hook", kind = "webhook", url = receiver.Url, secret = Secret });
        var hookId = hook.GetProperty("id").GetGuid();
        Assert.Equal("unused", hook.GetProperty("health").GetProperty("status").GetString());
        await CreatedAsync(_host.Alice, "/api/alerts", new
        {
            name = "flaky", kind = "price", symbol = "CHAN", interval = "1d", direction = "above", level = 105,
            channels = new[] { "webhook" }, webhookChannelId = hookId,
        });

        await _host.LoadAsync("CHAN", (4, 106, 10));
        var failing = await HealthAsync(hookId, "failing");
        Assert.Equal(500, failing.GetProperty("statusCode").GetInt32());
        Assert.Equal(6, receiver.Requests);

        // Back under the level re-arms the rule; the next crossing is delivered at its first attempt.
        await _host.LoadAsync("CHAN", (5, 100, 10));
        await _host.LoadAsync("CHAN", (8, 107, 10));
        await HealthAsync(hookId, "ok");
        Assert.Single(receiver.Accepted);
    }

    [Fact]
    public async Task Should_refuse_at_connection_a_webhook_saved_before_the_allowed_targets_were_narrowed()
    {
        await using var receiver = new WebhookReceiver(Secret, failures: 0);
        var hookId = (await CreatedAsync(_host.Alice, "/api/notification-channels", new { name = "old hook", kind = "webhook", url = receiver.Url, secret = Secret }))
            .GetProperty("id").GetGuid();
        // As if saved under a wider list: [::1] is loopback, which this platform allows, but outside its allowed targets.
        var outside = receiver.Url.Replace("127.0.0.1", "[::1]", StringComparison.Ordinal);
        await using (var scope = _host.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<InvestmentPlatform.Data.PlatformDbContext>().NotificationChannels
                .Where(c => c.Id == hookId).ExecuteUpdateAsync(u => u.SetProperty(c => c.Url, outside));

        var test = await JsonAsync(await _host.Alice.PostAsync($"/api/notification-channels/{hookId}/test", null), HttpStatusCode.OK);

        Assert.Equal("refused", test.GetProperty("status").GetString());
        Assert.Contains("not among the allowed webhook targets", test.GetProperty("error").GetString());
        Assert.Equal(0, receiver.Requests);
    }

    [Fact]
    public async Task Should_send_a_test_email_through_an_email_channel()
    {
        // The Maildir is shared by every run against this server: this test's mail is told apart by its address.
        var to = $"alice-{Guid.NewGuid():N}@example.com";
        var mail = await CreatedAsync(_host.Alice, "/api/notification-channels", new { name = "my inbox", kind = "email", email = to });

        var test = await JsonAsync(await _host.Alice.PostAsync($"/api/notification-channels/{mail.GetProperty("id").GetGuid()}/test", null), HttpStatusCode.OK);

        Assert.Equal("delivered", test.GetProperty("status").GetString());
        var received = Assert.Single(Mailbox(), m => m.To.Mailboxes.Any(a => a.Address == to));
        Assert.Contains("my inbox", received.Subject);
        Assert.Contains("this is how alert firings reach you here", received.TextBody);
    }

    /// <summary>The channel's health once it reads <paramref name="status"/>.</summary>
    private async Task<JsonElement> HealthAsync(Guid channel, string status)
    {
        JsonElement health = default;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            health = (await JsonAsync(await _host.Alice.GetAsync($"/api/notification-channels/{channel}"), HttpStatusCode.OK)).GetProperty("health");
            if (health.GetProperty("status").GetString() == status)
                return health;
            Assert.True(DateTime.UtcNow < deadline, $"The channel's health is still {health} after 60 s.");
            await Task.Delay(50);
        }
    }
}

[Collection(IntegrationCollection.Name)]
public sealed class When_users_keep_notification_channels_on_PostgreSQL() : When_users_keep_notification_channels(ApiDatabase.Postgres);

[Collection(IntegrationCollection.Name)]
public sealed class When_users_keep_notification_channels_on_SQLite() : When_users_keep_notification_channels(ApiDatabase.Sqlite);
