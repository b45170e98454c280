using InvestmentPlatform.Alerts.Rules;
using InvestmentPlatform.Data;
using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.Alerts.Notifications;

/// <summary>A notification as its owner sees it.</summary>
public sealed record NotificationDto(Guid Id, Guid? RuleId, Guid? FiringId, string Title, string Body, string? Link, DateTime CreatedAt,
    DateTime? ReadAt);

/// <summary>One user's inbox: newest first, unread count, mark read. Another user's notification does not exist.</summary>
public sealed class NotificationService(PlatformDbContext db, TimeProvider time)
{
    public async Task<(IReadOnlyList<NotificationDto> Items, int Total, int Unread)> ListAsync(string owner, bool unreadOnly, int skip, int take,
        CancellationToken ct)
    {
        var mine = db.Notifications.AsNoTracking().Where(n => n.OwnerId == owner);
        var query = unreadOnly ? mine.Where(n => n.ReadAt == null) : mine;
        var total = await query.CountAsync(ct);
        var unread = await UnreadAsync(owner, ct);
        var items = await query.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Skip(skip).Take(take)
            .Select(n => new NotificationDto(n.Id, n.RuleId, n.FiringId, n.Title, n.Body, n.Link, n.CreatedAt, n.ReadAt)).ToListAsync(ct);
        return (items, total, unread);
    }

    public Task<int> UnreadAsync(string owner, CancellationToken ct) =>
        db.Notifications.CountAsync(n => n.OwnerId == owner && n.ReadAt == null, ct);

    public async Task MarkReadAsync(Guid id, string owner, CancellationToken ct)
    {
        var row = await db.Notifications.FirstOrDefaultAsync(n => n.Id == id && n.OwnerId == owner, ct)
                  ?? throw AlertsException.NotFound($"Notification {id}");
        row.ReadAt ??= time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }

    /// <returns>How many were marked.</returns>
    public async Task<int> MarkAllReadAsync(string owner, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return await db.Notifications.Where(n => n.OwnerId == owner && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }
}
