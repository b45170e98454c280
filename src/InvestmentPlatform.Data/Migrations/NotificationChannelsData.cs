using Microsoft.EntityFrameworkCore.Migrations;

namespace InvestmentPlatform.Data.Migrations;

/// <summary>
/// The data step of the NotificationChannels migration, shared by both providers: each distinct webhook (owner,
/// address, secret) and email (owner, address) written inline on rules becomes one channel of the rule's owner, and
/// the rules point at it; Down writes the addresses back onto the rules.
/// </summary>
internal static class NotificationChannelsData
{
    /// <param name="newId">SQL for a fresh id in the provider's Guid format.</param>
    /// <param name="now">SQL for the current UTC time in the provider's date format.</param>
    public static void MoveToChannels(MigrationBuilder b, string newId, string now)
    {
        b.Sql($"""
            INSERT INTO notification_channels (id, owner_id, name, kind, url, secret, email, created_at, updated_at)
            SELECT {newId}, owner_id, substr(webhook_url, 1, 200), 'webhook', webhook_url, webhook_secret, NULL, {now}, {now}
            FROM (SELECT DISTINCT owner_id, webhook_url, webhook_secret FROM alert_rules WHERE webhook_url IS NOT NULL AND webhook_secret IS NOT NULL) r;
            """);
        b.Sql($"""
            INSERT INTO notification_channels (id, owner_id, name, kind, url, secret, email, created_at, updated_at)
            SELECT {newId}, owner_id, substr(email, 1, 200), 'email', NULL, NULL, email, {now}, {now}
            FROM (SELECT DISTINCT owner_id, email FROM alert_rules WHERE email IS NOT NULL) r;
            """);
        b.Sql("""
            UPDATE alert_rules SET webhook_channel_id = (SELECT c.id FROM notification_channels c WHERE c.owner_id = alert_rules.owner_id
                AND c.kind = 'webhook' AND c.url = alert_rules.webhook_url AND c.secret = alert_rules.webhook_secret)
            WHERE webhook_url IS NOT NULL AND webhook_secret IS NOT NULL;
            """);
        b.Sql("""
            UPDATE alert_rules SET email_channel_id = (SELECT c.id FROM notification_channels c WHERE c.owner_id = alert_rules.owner_id
                AND c.kind = 'email' AND c.email = alert_rules.email)
            WHERE email IS NOT NULL;
            """);
    }

    public static void MoveBackToRules(MigrationBuilder b)
    {
        b.Sql("""
            UPDATE alert_rules SET
                webhook_url = (SELECT c.url FROM notification_channels c WHERE c.id = alert_rules.webhook_channel_id),
                webhook_secret = (SELECT c.secret FROM notification_channels c WHERE c.id = alert_rules.webhook_channel_id),
                email = (SELECT c.email FROM notification_channels c WHERE c.id = alert_rules.email_channel_id);
            """);
    }
}
