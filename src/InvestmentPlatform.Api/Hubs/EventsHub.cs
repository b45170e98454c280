using Microsoft.AspNetCore.SignalR;

namespace InvestmentPlatform.Api.Hubs;

/// <summary>Live job status and collection progress; clients join groups by job id and asset type.</summary>
public sealed class EventsHub : Hub
{
}
