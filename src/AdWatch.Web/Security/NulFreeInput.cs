using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Primitives;

namespace AdWatch.Web.Security;

/// <summary>
/// Drops NUL characters from the query string and from posted form fields before any page reads them. PostgreSQL refuses NUL
/// in text (error 22021), so one <c>%00</c> in a search or a filter was a 500 there while SQLite answered; no field of AdWatch
/// has a use for it. Storage strips NUL from what it stores as well; this keeps it out of queries and audit rows.
/// </summary>
internal sealed class NulFreeInput(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.QueryString.HasValue && request.QueryString.Value!.Contains("%00", StringComparison.Ordinal))
        {
            var query = new QueryBuilder();
            foreach (var (key, values) in request.Query)
            {
                foreach (var value in values)
                {
                    query.Add(Clean(key), Clean(value ?? ""));
                }
            }
            request.QueryString = query.ToQueryString();
        }
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(context.RequestAborted);
            if (form.Any(f => f.Key.Contains('\0', StringComparison.Ordinal) || f.Value.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true)))
            {
                var cleaned = form.ToDictionary(f => Clean(f.Key), f => new StringValues([.. f.Value.Select(v => Clean(v ?? ""))]));
                request.Form = new FormCollection(cleaned, form.Files);
            }
        }
        await next(context);
    }

    private static string Clean(string text) => text.Replace("\0", "", StringComparison.Ordinal);
}
