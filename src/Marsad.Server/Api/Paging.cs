using Marsad.Store;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Marsad.Server.Api;

/// <summary>A page of results as the API sends it: the items, the total, where it starts and the link to the next page (null on the last).</summary>
public sealed record PageResponse<T>(IReadOnlyList<T> Items, long Total, int Offset, int Limit, string? Next);

internal static class Paging
{
    /// <summary>Wraps <paramref name="page"/>, with <c>next</c> being the same request with the offset moved on.</summary>
    public static PageResponse<TOut> From<TIn, TOut>(HttpRequest request, Page<TIn> page, Func<TIn, TOut> map)
    {
        var end = (long)page.Offset + page.Items.Count;
        string? next = null;
        if (end < page.Total && end <= QueryArgs.MaxOffset && page.Items.Count > 0)
        {
            var query = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var (k, v) in request.Query)
            {
                if (k != "offset")
                    query[k] = v.ToString();
            }
            query["offset"] = end.ToString(System.Globalization.CultureInfo.InvariantCulture);
            next = QueryHelpers.AddQueryString(request.Path.Value ?? "/", query);
        }
        return new PageResponse<TOut>([.. page.Items.Select(map)], page.Total, page.Offset, page.Limit, next);
    }
}
