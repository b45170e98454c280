using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace InvestmentPlatform.Api.Hubs;

/// <summary>
/// Logs a hub method's own failures at Error. SignalR's dispatcher would log every failure at Error, a client's
/// mistake (a HubException) too, so its log is turned down and this filter speaks for the failures that are ours.
/// </summary>
internal sealed class HubErrorLog(ILogger<HubErrorLog> logger) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception ex) when (ex is not HubException and not OperationCanceledException)
        {
            logger.LogError(ex, "Hub method {Method} failed", context.HubMethodName);
            throw;
        }
    }
}
