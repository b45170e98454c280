namespace InvestmentPlatform.Api.Http;

/// <summary>One page of a list, the shape every list endpoint answers.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, long TotalCount, int TotalPages)
{
    public static PagedResult<T> Create(IReadOnlyList<T> items, PageRequest request, long totalCount) =>
        new(items, request.Page, request.PageSize, totalCount,
            (int)Math.Ceiling(totalCount / (double)request.PageSize));
}

/// <summary>Validated ?page=&amp;pageSize= (1-based page, page size at most <see cref="MaxPageSize"/>).</summary>
public sealed record PageRequest(int Page, int PageSize)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    public int Skip => (Page - 1) * PageSize;

    /// <returns>The request, or the field errors that make it invalid.</returns>
    public static (PageRequest? Request, Dictionary<string, string[]>? Errors) Parse(int? page, int? pageSize)
    {
        var errors = new Dictionary<string, string[]>();
        if (page is < 1)
            errors["page"] = ["page must be 1 or more."];
        if (pageSize is < 1 or > MaxPageSize)
            errors["pageSize"] = [$"pageSize must be between 1 and {MaxPageSize}."];
        return errors.Count > 0
            ? (null, errors)
            : (new PageRequest(page ?? 1, pageSize ?? DefaultPageSize), null);
    }
}
