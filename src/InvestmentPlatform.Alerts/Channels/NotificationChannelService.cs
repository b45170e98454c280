using System.Net;
using System.Net.Sockets;
using InvestmentPlatform.Alerts.Delivery;
using InvestmentPlatform.Alerts.Rules;
using InvestmentPlatform.Contracts.Alerts;
using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Alerts;
using MailKit;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InvestmentPlatform.Alerts.Channels;

/// <summary>
/// A user's webhook endpoints and email addresses. Another user's channel is looked up as if it did not exist; a webhook
/// address outside the allowed targets is refused when it is saved, before any firing is aimed at it.
/// </summary>
public sealed class NotificationChannelService(PlatformDbContext db, IOptions<DeliveryOptions> delivery, TimeProvider time, IServiceProvider services)
{
    public const int MaxChannelsPerOwner = 200;

    public async Task<IReadOnlyList<NotificationChannelDto>> ListAsync(string owner, CancellationToken ct)
    {
        var rows = await db.NotificationChannels.AsNoTracking().Where(c => c.OwnerId == owner).OrderBy(c => c.Name).ThenBy(c => c.Id).ToListAsync(ct);
        var uses = await UsesAsync(owner, ct);
        var health = await HealthAsync(owner, ct);
        return rows.Select(c => ToDto(c, uses.GetValueOrDefault(c.Id), health)).ToList();
    }

    public async Task<NotificationChannelDto> GetAsync(Guid id, string owner, CancellationToken ct)
    {
        var channel = await FindAsync(id, owner, tracked: false, ct);
        return ToDto(channel, (await UsesAsync(owner, ct)).GetValueOrDefault(id), await HealthAsync(owner, ct));
    }

    public async Task<NotificationChannelDto> CreateAsync(NotificationChannelInput input, string owner, CancellationToken ct)
    {
        if (await db.NotificationChannels.CountAsync(c => c.OwnerId == owner, ct) >= MaxChannelsPerOwner)
            throw AlertsException.Unprocessable("name", $"A user may keep at most {MaxChannelsPerOwner} channels.");
        var now = time.GetUtcNow().UtcDateTime;
        var channel = new NotificationChannel { Id = Guid.CreateVersion7(), OwnerId = owner, Name = "", Kind = "", CreatedAt = now, UpdatedAt = now };
        Apply(channel, input);
        db.NotificationChannels.Add(channel);
        await db.SaveChangesAsync(ct);
        return ToDto(channel, 0, []);
    }

    public async Task<NotificationChannelDto> UpdateAsync(Guid id, string owner, NotificationChannelInput input, CancellationToken ct)
    {
        var channel = await FindAsync(id, owner, tracked: true, ct);
        var kind = channel.Kind;
        Apply(channel, input);
        var uses = (await UsesAsync(owner, ct)).GetValueOrDefault(id);
        if (kind != channel.Kind && uses > 0)
            throw AlertsException.Unprocessable("kind", $"The channel is used by {uses} rules as a {kind}: its kind cannot change.");
        channel.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return ToDto(channel, uses, await HealthAsync(owner, ct));
    }

    public async Task DeleteAsync(Guid id, string owner, CancellationToken ct)
    {
        var channel = await FindAsync(id, owner, tracked: true, ct);
        if ((await UsesAsync(owner, ct)).GetValueOrDefault(id) is var uses and > 0)
            throw AlertsException.Conflict($"The channel is used by {uses} rules: choose another channel for them first.");
        db.NotificationChannels.Remove(channel);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Sends a test message to the channel now, the way firings go (signed POST, or email through the configured SMTP
    /// server), and says what happened. Nothing is stored or retried.
    /// </summary>
    public async Task<ChannelTestDto> TestAsync(Guid id, string owner, CancellationToken ct)
    {
        var channel = await FindAsync(id, owner, tracked: false, ct);
        var now = time.GetUtcNow();
        var message = new AlertTriggered(Guid.CreateVersion7(), Guid.Empty, owner, $"Test of the channel \"{channel.Name}\"", "test", null, null,
            now.UtcDateTime, 0, $"Test of the channel \"{channel.Name}\": this is how alert firings reach you here.", [channel.Kind], now.UtcDateTime);
        try
        {
            if (channel.Kind == AlertKinds.Webhook)
            {
                var status = await services.GetRequiredService<WebhookSender>().PostAsync(channel.Url!, channel.Secret!,
                    System.Text.Json.JsonSerializer.Serialize(message, System.Text.Json.JsonSerializerOptions.Web), now, ct);
                return new((int)status is >= 200 and < 300 ? "delivered" : "failed", (int)status, null);
            }
            var smtp = services.GetRequiredService<IOptions<SmtpOptions>>().Value;
            var sender = services.GetRequiredService<EmailSender>();
            if (!sender.Configured)
                return new("refused", null, "No SMTP server is configured (Alerts:Smtp:Host).");
            await sender.SendAsync(EmailSender.Compose(message, smtp.From, channel.Email!), ct);
            return new("delivered", null, null);
        }
        catch (HttpRequestException ex) when (ex.InnerException is WebhookRefusedException refused)
        {
            return new("refused", null, refused.Message);
        }
        catch (SmtpCommandException ex)
        {
            return new("failed", (int)ex.StatusCode, DeliveryLog.Shorten(ex.Message));
        }
        catch (Exception ex) when (ex is HttpRequestException or SmtpProtocolException or ServiceNotConnectedException or IOException
                                       or SocketException or TimeoutException or MailKit.Security.AuthenticationException
                                   || ex is OperationCanceledException && !ct.IsCancellationRequested)
        {
            return new("failed", null, DeliveryLog.Shorten(ex.Message));
        }
    }

    /// <summary>The owner's channel <paramref name="id"/> of <paramref name="kind"/>, for a rule to use; 422 on <paramref name="field"/> otherwise.</summary>
    public async Task<NotificationChannel> OwnedAsync(Guid id, string owner, string kind, string field, CancellationToken ct) =>
        await db.NotificationChannels.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id && c.OwnerId == owner && c.Kind == kind, ct)
        ?? throw AlertsException.Unprocessable(field, $"{field} must name one of your {kind} channels.");

    /// <summary>
    /// The owner's webhook channel with this address and secret, added (not yet saved) when there is none: how a rule
    /// that names its webhook inline, as before channels existed, still gets one. A null secret keeps <paramref name="current"/>'s.
    /// </summary>
    public async Task<NotificationChannel> WebhookForAsync(string owner, string? url, string? secret, Guid? current, CancellationToken ct)
    {
        var address = ValidWebhookUrl(url, delivery.Value);
        secret ??= current is { } id ? await db.NotificationChannels.Where(c => c.Id == id && c.OwnerId == owner).Select(c => c.Secret).FirstOrDefaultAsync(ct) : null;
        ValidSecret(secret);
        return await db.NotificationChannels.FirstOrDefaultAsync(c => c.OwnerId == owner && c.Kind == AlertKinds.Webhook && c.Url == address && c.Secret == secret, ct)
               ?? Added(owner, AlertKinds.Webhook, new Uri(address).Host, address, secret, null);
    }

    /// <summary>The owner's email channel with this address, added (not yet saved) when there is none.</summary>
    public async Task<NotificationChannel> EmailForAsync(string owner, string? email, CancellationToken ct)
    {
        var address = ValidEmail(email);
        return await db.NotificationChannels.FirstOrDefaultAsync(c => c.OwnerId == owner && c.Kind == AlertKinds.Email && c.Email == address, ct)
               ?? Added(owner, AlertKinds.Email, address, null, null, address);
    }

    private NotificationChannel Added(string owner, string kind, string name, string? url, string? secret, string? email)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var channel = new NotificationChannel
        {
            Id = Guid.CreateVersion7(), OwnerId = owner, Name = name.Length > 200 ? name[..200] : name, Kind = kind, Url = url, Secret = secret,
            Email = email, CreatedAt = now, UpdatedAt = now,
        };
        db.NotificationChannels.Add(channel);
        return channel;
    }

    private async Task<NotificationChannel> FindAsync(Guid id, string owner, bool tracked, CancellationToken ct)
    {
        var query = tracked ? db.NotificationChannels : db.NotificationChannels.AsNoTracking();
        return await query.FirstOrDefaultAsync(c => c.Id == id && c.OwnerId == owner, ct) ?? throw AlertsException.NotFound($"Notification channel {id}");
    }

    /// <summary>How many of the owner's rules use each of their channels.</summary>
    private async Task<Dictionary<Guid, int>> UsesAsync(string owner, CancellationToken ct)
    {
        var rules = await db.AlertRules.AsNoTracking().Where(r => r.OwnerId == owner && (r.WebhookChannelId != null || r.EmailChannelId != null))
            .Select(r => new { r.WebhookChannelId, r.EmailChannelId }).ToListAsync(ct);
        return rules.SelectMany(r => new[] { r.WebhookChannelId, r.EmailChannelId }).OfType<Guid>().GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
    }

    /// <summary>
    /// Each channel's health, from the latest delivery attempt on it of the owner's firings (through the rule that
    /// chose it) or finished reports (through the request that chose it). A delivery is given up after
    /// <see cref="DeliveryOptions.Retries"/> retries: its message goes to the error queue, and the channel shows failing
    /// until a later delivery succeeds.
    /// </summary>
    private async Task<Dictionary<Guid, ChannelHealthDto>> HealthAsync(string owner, CancellationToken ct)
    {
        var firings = await (from d in db.AlertDeliveries.AsNoTracking()
                             join f in db.AlertFirings.AsNoTracking() on d.FiringId equals f.Id
                             join r in db.AlertRules.AsNoTracking() on f.RuleId equals r.Id
                             where f.OwnerId == owner && (r.WebhookChannelId != null || r.EmailChannelId != null)
                             orderby d.At descending, d.Id descending
                             select new ChannelAttempt(d.Id, d.Channel, r.WebhookChannelId, r.EmailChannelId, d.Status, d.StatusCode, d.Error, d.At, d.Attempt))
            .Take(HealthWindow).ToListAsync(ct);
        var reports = await (from d in db.AlertDeliveries.AsNoTracking()
                             join r in db.ReportRequests.AsNoTracking() on d.FiringId equals r.Id
                             where r.OwnerId == owner && (r.WebhookChannelId != null || r.EmailChannelId != null)
                             orderby d.At descending, d.Id descending
                             select new ChannelAttempt(d.Id, d.Channel, r.WebhookChannelId, r.EmailChannelId, d.Status, d.StatusCode, d.Error, d.At, d.Attempt))
            .Take(HealthWindow).ToListAsync(ct);
        var attempts = firings.Concat(reports).OrderByDescending(a => a.At).ThenByDescending(a => a.Id);
        var health = new Dictionary<Guid, ChannelHealthDto>();
        foreach (var a in attempts)
        {
            if ((a.Channel == AlertKinds.Webhook ? a.WebhookChannelId : a.Channel == AlertKinds.Email ? a.EmailChannelId : null) is not { } channel
                || health.ContainsKey(channel))
                continue;
            var status = a.Status switch
            {
                "delivered" => "ok",
                "failed" when a.Attempt <= delivery.Value.Retries => "retrying",
                _ => "failing",
            };
            health[channel] = new ChannelHealthDto(status, a.At, a.StatusCode, a.Error);
        }
        return health;
    }

    private sealed record ChannelAttempt(long Id, string Channel, Guid? WebhookChannelId, Guid? EmailChannelId, string Status, int? StatusCode,
        string? Error, DateTime At, int Attempt);

    /// <summary>The latest attempts read for health: enough for every channel a user keeps to have its latest among them in practice.</summary>
    private const int HealthWindow = 2000;

    /// <summary>Checks the whole input, then copies it; a secret left out on a change keeps the one stored.</summary>
    private void Apply(NotificationChannel channel, NotificationChannelInput input)
    {
        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 200)
            throw AlertsException.Unprocessable("name", "name is required, at most 200 characters.");
        var kind = input.Kind?.Trim().ToLowerInvariant();
        if (kind is not (AlertKinds.Webhook or AlertKinds.Email))
            throw AlertsException.Unprocessable("kind", "kind must be webhook or email.");
        string? url = null, secret = null, email = null;
        if (kind == AlertKinds.Webhook)
        {
            url = ValidWebhookUrl(input.Url, delivery.Value);
            secret = input.Secret ?? (channel.Kind == AlertKinds.Webhook ? channel.Secret : null);
            ValidSecret(secret);
        }
        else
            email = ValidEmail(input.Email);
        channel.Name = name;
        channel.Kind = kind;
        channel.Url = url;
        channel.Secret = secret;
        channel.Email = email;
    }

    private static void ValidSecret(string? secret)
    {
        if (secret is null || secret.Length is < 16 or > 200)
            throw AlertsException.Unprocessable("webhookSecret", "A webhook needs a secret (webhookSecret): 16 to 200 characters.");
    }

    /// <summary>An absolute http(s) address whose host the allowed targets admit (<see cref="WebhookTargets"/>).</summary>
    public static string ValidWebhookUrl(string? url, DeliveryOptions options)
    {
        if (!Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || url!.Length > 2000)
            throw AlertsException.Unprocessable("webhookUrl", "webhookUrl must be an absolute http or https address.");
        var host = uri.IdnHost.TrimStart('[').TrimEnd(']');
        if (WebhookTargets.Refusal(options, host, IPAddress.TryParse(host, out var ip) ? ip : null) is { } refusal)
            throw AlertsException.Unprocessable("webhookUrl", refusal);
        return uri.ToString();
    }

    public static string ValidEmail(string? email)
    {
        var value = email?.Trim();
        if (value is null || value.Length > 254 || !System.Net.Mail.MailAddress.TryCreate(value, out var parsed) || parsed.Address != value)
            throw AlertsException.Unprocessable("email", "email must be one address such as name@example.com.");
        return value;
    }

    private static NotificationChannelDto ToDto(NotificationChannel c, int rules, Dictionary<Guid, ChannelHealthDto> health) =>
        new(c.Id, c.Name, c.Kind, c.Url, c.Secret is not null, c.Email, rules, c.CreatedAt, c.UpdatedAt,
            health.GetValueOrDefault(c.Id) ?? new ChannelHealthDto("unused", null, null, null));
}
