using InvestmentPlatform.Data.Alerts;

namespace InvestmentPlatform.Alerts.Delivery;

/// <summary>
/// One signed POST written on its attempt row with its status code, for firings and reports alike: delivered on a
/// 2xx; refused when the target is not allowed; otherwise failed, which <see cref="ThrowIfFailed"/> turns into a retry
/// by the bus.
/// </summary>
public static class WebhookAttempt
{
    public static async Task PostAsync(AlertDelivery log, WebhookSender sender, string url, string secret, string body, DateTimeOffset now,
        CancellationToken ct)
    {
        try
        {
            var status = await sender.PostAsync(url, secret, body, now, ct);
            log.StatusCode = (int)status;
            log.Status = (int)status is >= 200 and < 300 ? "delivered" : "failed";
        }
        catch (HttpRequestException ex) when (ex.InnerException is WebhookRefusedException refused)
        {
            log.Status = "refused";
            log.Error = refused.Message;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            log.Error = DeliveryLog.Shorten(ex.Message);
        }
    }

    /// <summary>Call once the attempt row is saved: a failed attempt throws, so the bus retries it with backoff.</summary>
    public static void ThrowIfFailed(AlertDelivery log, string what)
    {
        if (log.Status == "failed")
            throw new WebhookFailedException($"Webhook attempt {log.Attempt} for {what} failed ({log.StatusCode?.ToString() ?? log.Error}).");
    }
}

/// <summary>An attempt that may succeed later: the bus retries it.</summary>
public sealed class WebhookFailedException(string message) : Exception(message);
