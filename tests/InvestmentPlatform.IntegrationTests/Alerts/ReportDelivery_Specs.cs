using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InvestmentPlatform.Contracts.Reports;
using InvestmentPlatform.IntegrationTests.Api;
using InvestmentPlatform.IntegrationTests.Infrastructure;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using static InvestmentPlatform.IntegrationTests.Alerts.AlertsHost;

namespace InvestmentPlatform.IntegrationTests.Alerts;

/// <summary>
/// A finished report sent to the channels its request chose: the email carries the file, the webhook a signed notice
/// with where to download it, each once however often ReportReady comes; on PostgreSQL + RabbitMQ and on SQLite + the
/// in-memory bus.
/// </summary>
public abstract class When_a_finished_report_goes_to_its_owners_channels(ApiDatabase database) : IAsyncLifetime
{
    private const string Secret = "a-secret-of-the-report-receiver";
    private AlertsHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await AlertsHost.StartAsync(database);
        await _host.LoadAsync("REPD", (2, 100, 10), (3, 101, 10), (4, 102, 10));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<Guid> ChannelAsync(object body) =>
        (await JsonAsync(await _host.Alice.PostAsJsonAsync("/api/notification-channels", body), HttpStatusCode.Created)).GetProperty("id").GetGuid();

    [Fact]
    public async Task Should_email_the_file_and_post_a_signed_notice_once_each()
    {
        await using var receiver = new WebhookReceiver(Secret, failures: 0);
        // The Maildir is shared by every run against this server: this report's mail is told apart by its address.
        var to = $"reports-{Guid.NewGuid():N}@example.com";
        var mailId = await ChannelAsync(new { name = "my inbox", kind = "email", email = to });
        var hookId = await ChannelAsync(new { name = "notebook hook", kind = "webhook", url = receiver.Url, secret = Secret });
        var bus = _host.Services.GetRequiredService<IBus>();
        using var mailed = new ConsumedSignal<ReportReady>(bus, _ => true, endpoint: "report-email");
        using var posted = new ConsumedSignal<ReportReady>(bus, _ => true, endpoint: "report-webhook");

        var id = (await JsonAsync(await _host.Alice.PostAsJsonAsync("/api/reports",
                new { kind = "coverage", symbols = new[] { "REPD" }, format = "pdf", emailChannelId = mailId, webhookChannelId = hookId }),
            HttpStatusCode.Accepted)).GetProperty("id").GetGuid();
        await mailed.WaitAsync(TimeSpan.FromSeconds(60));
        await posted.WaitAsync(TimeSpan.FromSeconds(60));

        var report = await JsonAsync(await _host.Alice.GetAsync($"/api/reports/{id}"), HttpStatusCode.OK);
        Assert.Equal("succeeded", report.GetProperty("status").GetString());
        var fileName = report.GetProperty("fileName").GetString();
        var file = await _host.Alice.GetByteArrayAsync($"/api/reports/{id}/file");
        var mail = Assert.Single(Mailbox(), m => m.To.Mailboxes.Any(a => a.Address == to));
        Assert.Equal($"Report ready: {fileName}", mail.Subject);
        var attachment = Assert.Single(mail.Attachments.OfType<MimeKit.MimePart>());
        Assert.Equal(fileName, attachment.FileName);
        Assert.Equal("application/pdf", attachment.ContentType.MimeType);
        using (var bytes = new MemoryStream())
        {
            await attachment.Content!.DecodeToAsync(bytes);
            Assert.Equal(file, bytes.ToArray());
        }

        // The receiver answers 200 only to a body whose signature verifies with the channel's secret.
        var notice = JsonDocument.Parse(Assert.Single(receiver.Accepted)).RootElement;
        Assert.Equal("report_ready", notice.GetProperty("event").GetString());
        Assert.Equal(id, notice.GetProperty("reportId").GetGuid());
        Assert.Equal("succeeded", notice.GetProperty("status").GetString());
        Assert.Equal($"/api/reports/{id}/file", notice.GetProperty("download").GetString());
        Assert.Equal(file.LongLength, notice.GetProperty("size").GetInt64());
        foreach (var channel in new[] { mailId, hookId })
            Assert.Equal("ok", (await JsonAsync(await _host.Alice.GetAsync($"/api/notification-channels/{channel}"), HttpStatusCode.OK))
                .GetProperty("health").GetProperty("status").GetString());

        // ReportReady again, twice at once: nothing more is sent.
        // The delivery consumers read the owner from the request row, not from the message.
        var again = new ReportReady(id, "alice", "coverage", "succeeded", fileName, file.LongLength, null, DateTime.UtcNow);
        using var mailedAgain = new ConsumedSignal<ReportReady>(bus, m => m.ReportId == id, 2, "report-email");
        using var postedAgain = new ConsumedSignal<ReportReady>(bus, m => m.ReportId == id, 2, "report-webhook");
        await Task.WhenAll(bus.Publish(again), bus.Publish(again));
        await mailedAgain.WaitAsync(TimeSpan.FromSeconds(60));
        await postedAgain.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Single(Mailbox(), m => m.To.Mailboxes.Any(a => a.Address == to));
        Assert.Equal(1, receiver.Requests);
    }

    [Fact]
    public async Task Should_refuse_a_channel_that_is_not_the_owners_or_not_of_its_kind_and_store_nothing()
    {
        var mailId = await ChannelAsync(new { name = "mine", kind = "email", email = "alice@example.com" });

        await ProblemAssert.IsProblemAsync(await _host.Bob.PostAsJsonAsync("/api/reports",
            new { kind = "coverage", symbols = new[] { "REPD" }, emailChannelId = mailId }), HttpStatusCode.UnprocessableEntity, "emailChannelId");
        await ProblemAssert.IsProblemAsync(await _host.Alice.PostAsJsonAsync("/api/reports",
            new { kind = "coverage", symbols = new[] { "REPD" }, webhookChannelId = mailId }), HttpStatusCode.UnprocessableEntity, "webhookChannelId");
        await ProblemAssert.IsProblemAsync(await _host.Alice.PostAsJsonAsync("/api/reports",
            new { kind = "coverage", symbols = new[] { "REPD" }, emailChannelId = Guid.NewGuid() }), HttpStatusCode.UnprocessableEntity, "emailChannelId");
        foreach (var client in new[] { _host.Alice, _host.Bob })
            Assert.Equal(0, (await JsonAsync(await client.GetAsync("/api/reports"), HttpStatusCode.OK)).GetProperty("totalCount").GetInt64());
    }
}

public sealed class When_a_finished_report_goes_to_its_owners_channels_on_PostgreSQL()
    : When_a_finished_report_goes_to_its_owners_channels(ApiDatabase.Postgres);

public sealed class When_a_finished_report_goes_to_its_owners_channels_on_SQLite()
    : When_a_finished_report_goes_to_its_owners_channels(ApiDatabase.Sqlite);
