using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Alerts;
using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.Alerts.Delivery;

/// <summary>The attempts logged for one firing on one channel: how a redelivered firing is known to be done already.</summary>
public static class DeliveryLog
{
    /// <summary>The next attempt's row (status failed until it succeeds), or null when the firing was delivered or refused already.</summary>
    public static async Task<AlertDelivery?> NextAttemptAsync(PlatformDbContext db, Guid firingId, string channel, DateTime now, CancellationToken ct)
    {
        var attempts = await db.AlertDeliveries.Where(d => d.FiringId == firingId && d.Channel == channel)
            .Select(d => d.Status).ToListAsync(ct);
        if (attempts.Contains("delivered") || attempts.Contains("refused"))
            return null;
        return new AlertDelivery { FiringId = firingId, Channel = channel, Attempt = attempts.Count + 1, Status = "failed", At = now };
    }

    public static string Shorten(string error) => error.Length > 500 ? error[..500] : error;
}
