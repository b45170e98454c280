using System.Security.Claims;
using InvestmentPlatform.Analytics;
using InvestmentPlatform.Analytics.Portfolio;
using InvestmentPlatform.Api.Access;
using InvestmentPlatform.Api.Http;
using InvestmentPlatform.Contracts.Trading;
using InvestmentPlatform.Trading.Accounts;
using InvestmentPlatform.Trading.Orders;
using InvestmentPlatform.Trading.Replay;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace InvestmentPlatform.Api.Apis;

/// <summary>Paper accounts, their orders, fills, positions and the audit trail of each order. An account is its portfolio: same id, same owner rule.</summary>
public static class PaperTradingApi
{
    public static IEndpointRouteBuilder MapPaperTradingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/paper/accounts").WithTags("Paper trading").AddEndpointFilter<PortfolioOwnerFilter>();
        api.MapGet("/", List);
        api.MapPost("/", Create);
        api.MapGet("/{id:guid}", Get);
        api.MapGet("/{id:guid}/orders", ListOrders);
        api.MapPost("/{id:guid}/orders", Submit);
        api.MapGet("/{id:guid}/orders/{orderId:guid}", GetOrder);
        api.MapPost("/{id:guid}/orders/{orderId:guid}/cancel", Cancel);
        api.MapGet("/{id:guid}/orders/{orderId:guid}/events", Events);
        api.MapGet("/{id:guid}/fills", Fills);
        api.MapGet("/{id:guid}/positions", Positions);
        api.MapPost("/{id:guid}/replay", Replay).WithSummary("Runs timestamped orders over stored bars on the bus; 202 with its Location")
            .Produces<ReplayDto>(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/{id:guid}/replays", Replays).WithSummary("The account's replays, newest first, without their results");
        api.MapGet("/{id:guid}/replays/{replayId:guid}", GetReplay).WithSummary("One replay, how far it got, and its fills and equity curve once it succeeded");
        return app;
    }

    private static Task<Results<Ok<PagedResult<PaperAccountDto>>, ProblemHttpResult>> List(
        PaperAccountService accounts, ClaimsPrincipal user, int? page, int? pageSize, CancellationToken ct) =>
        AnalyticsApi.Page(page, pageSize, r => accounts.ListAsync(r.Skip, r.PageSize, user.IsAdmin() ? null : user.UserIdOf(), ct));

    private static Task<Results<Created<PaperAccountDto>, ProblemHttpResult>> Create(
        PaperAccountService accounts, ClaimsPrincipal user, PaperAccountInput input, CancellationToken ct) =>
        AnalyticsApi.Create(() => accounts.CreateAsync(input, user.UserIdOf(), ct), a => $"/api/paper/accounts/{a.Id}");

    private static Task<Results<Ok<PaperAccountDto>, ProblemHttpResult>> Get(PaperAccountService accounts, Guid id, CancellationToken ct) =>
        AnalyticsApi.Answer(() => accounts.GetAsync(id, ct));

    /// <param name="status">open (accepted or partially filled) or one status (filled, rejected...); all when absent.</param>
    private static async Task<Results<Ok<PagedResult<OrderDto>>, ProblemHttpResult>> ListOrders(
        OrderService orders, Guid id, string? status, int? page, int? pageSize, CancellationToken ct)
    {
        if (status is not null && status != "open" && !OrderStatusNames.Contains(status))
            return ApiProblems.BadRequest("status", $"status must be open or one of {string.Join(", ", OrderStatusNames)}.");
        return await AnalyticsApi.Page(page, pageSize, r => orders.ListAsync(id, status, r.Skip, r.PageSize, ct));
    }

    /// <summary>
    /// 201 with the order when it was accepted (it may already be filled by bars stored after the latest one at submission),
    /// 200 with the first order for a retried clientOrderId, 422 with the reason when a pre-trade check rejected it
    /// (the order is stored, rejected, and its id is in the problem's orderId), 409 when the clientOrderId was used for another body.
    /// </summary>
    private static async Task<Results<Created<OrderDto>, Ok<OrderDto>, ProblemHttpResult>> Submit(
        OrderService orders, Guid id, OrderInput input, CancellationToken ct)
    {
        try
        {
            var (order, created) = await orders.SubmitAsync(id, input, ct);
            if (order.Status == OrderStatuses.Rejected)
                return TypedResults.Problem(title: "The order was rejected", statusCode: StatusCodes.Status422UnprocessableEntity,
                    detail: order.RejectReason, extensions: new Dictionary<string, object?>
                    {
                        ["orderId"] = order.Id,
                        ["check"] = order.RejectCheck,
                        ["errors"] = new Dictionary<string, string[]> { [FieldOf(order.RejectCheck)] = [order.RejectReason ?? ""] },
                    });
            return created ? TypedResults.Created($"/api/paper/accounts/{id}/orders/{order.Id}", order) : TypedResults.Ok(order);
        }
        catch (AnalyticsException ex)
        {
            return AnalyticsApi.Problem(ex);
        }
    }

    private static Task<Results<Ok<OrderDto>, ProblemHttpResult>> GetOrder(OrderService orders, Guid id, Guid orderId, CancellationToken ct) =>
        AnalyticsApi.Answer(() => orders.GetAsync(id, orderId, ct));

    private static Task<Results<Ok<OrderDto>, ProblemHttpResult>> Cancel(OrderService orders, Guid id, Guid orderId, CancellationToken ct) =>
        AnalyticsApi.Answer(() => orders.CancelAsync(id, orderId, ct));

    /// <summary>The order's audit trail, oldest first: one row per transition, never changed.</summary>
    private static Task<Results<Ok<IReadOnlyList<OrderEventDto>>, ProblemHttpResult>> Events(
        OrderService orders, Guid id, Guid orderId, CancellationToken ct) =>
        AnalyticsApi.Answer(() => orders.EventsAsync(id, orderId, ct));

    private static Task<Results<Ok<PagedResult<FillDto>>, ProblemHttpResult>> Fills(
        OrderService orders, Guid id, Guid? orderId, int? page, int? pageSize, CancellationToken ct) =>
        AnalyticsApi.Page(page, pageSize, r => orders.FillsAsync(id, orderId, r.Skip, r.PageSize, ct));

    /// <summary>Positions, cash and P&amp;L: the account portfolio's holdings from the portfolio engine.</summary>
    private static Task<Results<Ok<HoldingsReport>, ProblemHttpResult>> Positions(
        PaperAccountService accounts, HoldingsService holdings, Guid id, DateTime? at, CancellationToken ct) =>
        AnalyticsApi.Answer(async () =>
        {
            await accounts.FindAsync(id, ct);
            return await holdings.GetAsync(id, at, ct);
        });

    /// <summary>202 with the queued replay; 400 for a malformed request, 404 for an unknown symbol, 422 for one without bars in the range.</summary>
    private static async Task<Results<Accepted<ReplayDto>, ProblemHttpResult>> Replay(
        ReplayJobs replays, ClaimsPrincipal user, Guid id, ReplayInput? input, CancellationToken ct)
    {
        try
        {
            var replay = await replays.SubmitAsync(id, input, user.UserIdOf()!, ct);
            return TypedResults.Accepted($"/api/paper/accounts/{id}/replays/{replay.Id}", replay);
        }
        catch (AnalyticsException ex)
        {
            return AnalyticsApi.Problem(ex);
        }
    }

    private static Task<Results<Ok<PagedResult<ReplayDto>>, ProblemHttpResult>> Replays(
        ReplayJobs replays, Guid id, int? page, int? pageSize, CancellationToken ct) =>
        AnalyticsApi.Page(page, pageSize, r => replays.ListAsync(id, r.Skip, r.PageSize, ct));

    private static Task<Results<Ok<ReplayDto>, ProblemHttpResult>> GetReplay(ReplayJobs replays, Guid id, Guid replayId, CancellationToken ct) =>
        AnalyticsApi.Answer(() => replays.GetAsync(id, replayId, ct));

    private static readonly string[] OrderStatusNames =
    [
        OrderStatuses.New, OrderStatuses.Accepted, OrderStatuses.Rejected, OrderStatuses.PartiallyFilled, OrderStatuses.Filled,
        OrderStatuses.Cancelled, OrderStatuses.Expired,
    ];

    private static string FieldOf(string? check) => check switch
    {
        "quantity" or "fractional" or "short_selling" or "buying_power" or "max_position" or "max_notional" => "quantity",
        _ => "symbol",
    };
}
