using Microsoft.EntityFrameworkCore;

namespace ParPlatform.ServiceDefaults;

/// <summary>One page of a list, asked for with ?page (from 1) and ?pageSize (1–200, default 50).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int Total);

public static class Paging
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <summary>Reads a page of an ordered query; out-of-range page numbers and sizes are brought into range.</summary>
    public static async Task<Page<T>> ToPageAsync<T>(this IQueryable<T> ordered, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var size = Math.Clamp(pageSize ?? DefaultPageSize, 1, MaxPageSize);
        var number = Math.Clamp(page ?? 1, 1, int.MaxValue / size);
        var total = await ordered.CountAsync(cancellationToken);
        var items = await ordered.Skip((number - 1) * size).Take(size).ToListAsync(cancellationToken);
        return new Page<T>(items, number, size, total);
    }
}
