using Microsoft.EntityFrameworkCore;

namespace Timpora.Web.Platform;

/// <summary>One page of a list, with what the pager needs.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public bool HasPrevious => Page > 1;

    public bool HasNext => Page < Pages;
}

public static class Paging
{
    public const int DefaultPageSize = 25;

    public static async Task<Paged<T>> ToPagedAsync<T>(this IQueryable<T> query, int page, int pageSize = DefaultPageSize, CancellationToken cancellationToken = default)
    {
        var total = await query.CountAsync(cancellationToken);
        var size = Math.Clamp(pageSize, 1, 200);
        var current = Math.Clamp(page, 1, Math.Max(1, (total + size - 1) / size));
        var items = await query.Skip((current - 1) * size).Take(size).ToListAsync(cancellationToken);
        return new Paged<T>(items, current, size, total);
    }
}
