using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RagAnything.Hosting.Diagnostics;
using RagAnything.Hosting.Problems;

namespace RagAnything.Hosting.Endpoints.Paging;

/// <summary>
/// Checks the <c>pageSize</c> and <c>cursor</c> query parameters of the listing routes and describes them in
/// the OpenAPI document.
/// </summary>
internal static class PageParameters
{
    /// <summary>
    /// Paging parameters of other APIs. A client that sends one of them would otherwise get a default page
    /// without noticing that its value was ignored.
    /// </summary>
    private static readonly string[] UnsupportedNames = ["limit", "offset", "page", "per_page"];

    /// <summary>Describes <c>pageSize</c> and <c>cursor</c> for an endpoint description.</summary>
    public static string Describe(RagAnythingHostingOptions options) =>
        $"pageSize sets the number of items per page, from 1 to {options.MaxPageSize}; larger values are capped at {options.MaxPageSize}, and the default is {options.PageSize}. " +
        "To read the following page, pass the response's next value as cursor; next is null on the last page. " +
        "A cursor that this server did not issue for this listing, or one that was changed, is rejected with 400.";

    /// <summary>Checks the paging parameters and returns the page request, or the problem result to send instead.</summary>
    public static (PageRequest Page, IResult? Problem) Check(
        HttpContext context,
        PageListing listing,
        int? pageSize,
        string? cursor,
        RagAnythingHostingOptions options,
        PageCursors cursors)
    {
        var range = $"from 1 to {options.MaxPageSize} (larger values are capped at {options.MaxPageSize})";
        var unsupported = UnsupportedNames.FirstOrDefault(name => context.Request.Query.ContainsKey(name));
        if (unsupported is not null)
        {
            return (default, ApiProblems.Validation($"Query parameter '{unsupported}' is not supported by {Route(context)}. Use pageSize for the page size, {range}, and cursor with the next value of the previous page."));
        }

        if (pageSize < 1)
        {
            return (default, ApiProblems.Validation($"pageSize = {pageSize} is invalid. Use a page size {range}, or leave it out for the default of {options.PageSize}."));
        }

        var size = Math.Min(pageSize ?? options.PageSize, options.MaxPageSize);

        // An empty cursor, as sent by a client that fills in a missing next value, means the first page.
        if (string.IsNullOrEmpty(cursor))
        {
            return (new PageRequest(size, null), null);
        }

        if (!cursors.TryRead(listing, cursor, out var storeToken))
        {
            var detail = $"Cursor '{Shorten(cursor)}' is invalid: this server did not issue it for {Route(context)}, or it was changed, or the server no longer has the key that protected it. Request the first page again without a cursor, then pass each response's next value unchanged.";
            var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PageParameters).FullName!);
            Log.PageRequestRejected(logger, context.Request.Path, "the cursor was not issued by this server");
            return (default, ApiProblems.Validation(detail));
        }

        return (new PageRequest(size, storeToken), null);
    }

    private static string Route(HttpContext context) => $"GET {context.Request.PathBase}{context.Request.Path}";

    /// <summary>Shortens a long cursor in messages, so an error response never echoes an arbitrarily long query value.</summary>
    private static string Shorten(string cursor) => cursor.Length <= 40 ? cursor : cursor[..40] + "...";
}
