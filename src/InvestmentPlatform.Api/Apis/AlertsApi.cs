using System.Security.Claims;
using InvestmentPlatform.Alerts.Channels;
using InvestmentPlatform.Alerts.Notifications;
using InvestmentPlatform.Alerts.Rules;
using InvestmentPlatform.Api.Access;
using InvestmentPlatform.Api.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace InvestmentPlatform.Api.Apis;

/// <summary>
/// Alert rules and the in-app inbox. Both belong to the signed-in user alone: another user's rule or notification is
/// 404, admins included, since alerts can say what someone holds or watches.
/// </summary>
public static class AlertsApi
{
    public static IEndpointRouteBuilder MapAlertsApi(this IEndpointRouteBuilder app)
    {
        var rules = app.MapGroup("/api/alerts").WithTags("Alerts");
        rules.MapGet("/", List);
        rules.MapPost("/", Create);
        rules.MapGet("/{id:guid}", Get);
        rules.MapPut("/{id:guid}", Update);
        rules.MapDelete("/{id:guid}", Delete);
        rules.MapGet("/{id:guid}/firings", Firings);
        rules.MapGet("/{id:guid}/deliveries", Deliveries);
        rules.MapPost("/{id:guid}/test", Test);

        var channels = app.MapGroup("/api/notification-channels").WithTags("Alerts");
        channels.MapGet("/", ListChannels);
        channels.MapPost("/", CreateChannel);
        channels.MapGet("/{id:guid}", (NotificationChannelService service, ClaimsPrincipal user, Guid id, CancellationToken ct) =>
            Answer(user, owner => service.GetAsync(id, owner, ct)));
        channels.MapPut("/{id:guid}", (NotificationChannelService service, ClaimsPrincipal user, Guid id, NotificationChannelInput input,
            CancellationToken ct) => Answer(user, owner => service.UpdateAsync(id, owner, input, ct)));
        channels.MapDelete("/{id:guid}", DeleteChannel);
        channels.MapPost("/{id:guid}/test", (NotificationChannelService service, ClaimsPrincipal user, Guid id, CancellationToken ct) =>
            Answer(user, owner => service.TestAsync(id, owner, ct)));

        // Reading one's own inbox is not a change to the platform: viewers may mark their notifications read.
        var inbox = app.MapGroup("/api/notifications").WithTags("Alerts").RequireAuthorization(AccessPolicies.Read);
        inbox.MapGet("/", Inbox);
        inbox.MapGet("/unread-count", UnreadCount);
        inbox.MapPost("/{id:guid}/read", MarkRead);
        inbox.MapPost("/read-all", MarkAllRead);
        return app;
    }

    private static async Task<Results<Ok<PagedResult<AlertRuleDto>>, ProblemHttpResult>> List(
        AlertRuleService service, ClaimsPrincipal user, int? page, int? pageSize, CancellationToken ct)
    {
        if (Owner(user) is not { } owner)
            return NoOwner();
        var (request, errors) = PageRequest.Parse(page, pageSize);
        if (request is null)
            return ApiProblems.BadRequest(errors!);
        var (items, total) = await service.ListAsync(owner, request.Skip, request.PageSize, ct);
        return TypedResults.Ok(PagedResult<AlertRuleDto>.Create(items, request, total));
    }

    private static Task<Results<Created<AlertRuleDto>, ProblemHttpResult>> Create(
        AlertRuleService service, ClaimsPrincipal user, AlertRuleInput input, CancellationToken ct) =>
        Creating(user, owner => service.CreateAsync(input, owner, ct), created => $"/api/alerts/{created.Id}");

    private static Task<Results<Ok<AlertRuleDto>, ProblemHttpResult>> Get(AlertRuleService service, ClaimsPrincipal user, Guid id,
        CancellationToken ct) => Answer(user, owner => service.GetAsync(id, owner, ct));

    private static Task<Results<Ok<AlertRuleDto>, ProblemHttpResult>> Update(AlertRuleService service, ClaimsPrincipal user, Guid id,
        AlertRuleInput input, CancellationToken ct) => Answer(user, owner => service.UpdateAsync(id, owner, input, ct));

    private static Task<Results<NoContent, ProblemHttpResult>> Delete(AlertRuleService service, ClaimsPrincipal user, Guid id,
        CancellationToken ct) => Deleting(user, owner => service.DeleteAsync(id, owner, ct));

    private static async Task<Results<Accepted<AlertTestDto>, ProblemHttpResult>> Test(AlertRuleService service, ClaimsPrincipal user, Guid id,
        CancellationToken ct)
    {
        if (Owner(user) is not { } owner)
            return NoOwner();
        try
        {
            return TypedResults.Accepted((string?)null, new AlertTestDto(await service.TestAsync(id, owner, ct)));
        }
        catch (AlertsException ex)
        {
            return Problem(ex);
        }
    }

    private static async Task<Results<Ok<IReadOnlyList<NotificationChannelDto>>, ProblemHttpResult>> ListChannels(
        NotificationChannelService service, ClaimsPrincipal user, CancellationToken ct) =>
        Owner(user) is { } owner ? TypedResults.Ok(await service.ListAsync(owner, ct)) : NoOwner();

    private static Task<Results<Created<NotificationChannelDto>, ProblemHttpResult>> CreateChannel(
        NotificationChannelService service, ClaimsPrincipal user, NotificationChannelInput input, CancellationToken ct) =>
        Creating(user, owner => service.CreateAsync(input, owner, ct), created => $"/api/notification-channels/{created.Id}");

    private static Task<Results<NoContent, ProblemHttpResult>> DeleteChannel(NotificationChannelService service, ClaimsPrincipal user, Guid id,
        CancellationToken ct) => Deleting(user, owner => service.DeleteAsync(id, owner, ct));

    private static async Task<Results<Created<T>, ProblemHttpResult>> Creating<T>(ClaimsPrincipal user, Func<string, Task<T>> create,
        Func<T, string> location)
    {
        if (Owner(user) is not { } owner)
            return NoOwner();
        try
        {
            var created = await create(owner);
            return TypedResults.Created(location(created), created);
        }
        catch (AlertsException ex)
        {
            return Problem(ex);
        }
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Deleting(ClaimsPrincipal user, Func<string, Task> delete)
    {
        if (Owner(user) is not { } owner)
            return NoOwner();
        try
        {
            await delete(owner);
            return TypedResults.NoContent();
        }
        catch (AlertsException ex)
        {
            return Problem(ex);
        }
    }

    private static async Task<Results<Ok<PagedResult<AlertFiringDto>>, ProblemHttpResult>> Firings(
        AlertRuleService service, ClaimsPrincipal user, Guid id, int? page, int? pageSize, CancellationToken ct)
    {
        var (request, errors) = PageRequest.Parse(page, pageSize);
        if (request is null)
            return ApiProblems.BadRequest(errors!);
        var answer = await Answer(user, async owner =>
        {
            var (items, total) = await service.FiringsAsync(id, owner, request.Skip, request.PageSize, ct);
            return PagedResult<AlertFiringDto>.Create(items, request, total);
        });
        return answer.Result is Ok<PagedResult<AlertFiringDto>> ok ? ok : (ProblemHttpResult)answer.Result;
    }

    private static Task<Results<Ok<IReadOnlyList<AlertDeliveryDto>>, ProblemHttpResult>> Deliveries(AlertRuleService service,
        ClaimsPrincipal user, Guid id, CancellationToken ct) => Answer(user, owner => service.DeliveriesAsync(id, owner, PageRequest.MaxPageSize, ct));

    private static async Task<Results<Ok<InboxPage>, ProblemHttpResult>> Inbox(
        NotificationService inbox, ClaimsPrincipal user, bool? unread, int? page, int? pageSize, CancellationToken ct)
    {
        if (Owner(user) is not { } owner)
            return NoOwner();
        var (request, errors) = PageRequest.Parse(page, pageSize);
        if (request is null)
            return ApiProblems.BadRequest(errors!);
        var (items, total, unreadCount) = await inbox.ListAsync(owner, unread == true, request.Skip, request.PageSize, ct);
        return TypedResults.Ok(new InboxPage(PagedResult<NotificationDto>.Create(items, request, total), unreadCount));
    }

    private static async Task<Results<Ok<UnreadCount>, ProblemHttpResult>> UnreadCount(NotificationService inbox, ClaimsPrincipal user,
        CancellationToken ct) =>
        Owner(user) is { } owner ? TypedResults.Ok(new UnreadCount(await inbox.UnreadAsync(owner, ct))) : NoOwner();

    private static async Task<Results<Ok<UnreadCount>, ProblemHttpResult>> MarkRead(NotificationService inbox, ClaimsPrincipal user, Guid id,
        CancellationToken ct) =>
        await Answer(user, async owner =>
        {
            await inbox.MarkReadAsync(id, owner, ct);
            return new UnreadCount(await inbox.UnreadAsync(owner, ct));
        });

    private static async Task<Results<Ok<UnreadCount>, ProblemHttpResult>> MarkAllRead(NotificationService inbox, ClaimsPrincipal user,
        CancellationToken ct)
    {
        if (Owner(user) is not { } owner)
            return NoOwner();
        await inbox.MarkAllReadAsync(owner, ct);
        return TypedResults.Ok(new UnreadCount(0));
    }

    private static async Task<Results<Ok<T>, ProblemHttpResult>> Answer<T>(ClaimsPrincipal user, Func<string, Task<T>> action)
    {
        if (Owner(user) is not { } owner)
            return NoOwner();
        try
        {
            return TypedResults.Ok(await action(owner));
        }
        catch (AlertsException ex)
        {
            return Problem(ex);
        }
    }

    private static string? Owner(ClaimsPrincipal user) => user.UserIdOf();

    private static ProblemHttpResult NoOwner() => ApiProblems.Forbidden("Alerts belong to a user: sign in as one, or use a user's API key.");

    private static ProblemHttpResult Problem(AlertsException ex) =>
        ex.Status switch
        {
            404 => ApiProblems.NotFound(ex.Message),
            409 => ApiProblems.Conflict(ex.Message),
            _ => ApiProblems.Unprocessable(ex.Field, ex.Message),
        };
}

/// <summary>One page of the inbox and the unread count, for the bell.</summary>
public sealed record InboxPage(PagedResult<NotificationDto> Page, int Unread);

public sealed record UnreadCount(int Unread);

/// <summary>A test firing on its way to the rule's channels; nothing is stored under its id.</summary>
public sealed record AlertTestDto(Guid FiringId);
