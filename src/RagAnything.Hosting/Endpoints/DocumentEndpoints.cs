using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RagAnything.Hosting.Diagnostics;
using RagAnything.Hosting.Endpoints.Contracts;
using RagAnything.Hosting.Endpoints.Paging;
using RagAnything.Hosting.Problems;
using RagAnything.Hosting.Tasks;
using RagAnything.Storage.Documents;

namespace RagAnything.Hosting.Endpoints;

/// <summary>
/// Maps the routes that list, read and delete documents.
/// </summary>
internal static class DocumentEndpoints
{
    private const string SortByName = "name";
    private const string SortByCreatedAt = "createdAt";

    public static void Map(IEndpointRouteBuilder group)
    {
        var options = group.ServiceProvider.GetRequiredService<IOptions<RagAnythingHostingOptions>>().Value;

        group.MapGet("/documents", ListAsync)
            .WithName("ListDocuments")
            .WithSummary($"Lists documents, filtered by status and name, in pages that follow document id order; sort={SortByName} or sort={SortByCreatedAt} orders the items within each page, not across pages.")
            .WithDescription(
                "Document ids derive from the content hash, so the order across pages is stable but neither alphabetical nor chronological. " +
                "To see a whole listing sorted, read every page and sort on the client. " + PageParameters.Describe(options))
            .Produces<PageResponse<DocumentResponse>>()
            .ProducesProblem(StatusCodes.Status400BadRequest);

        group.MapGet("/documents/{id}", GetAsync)
            .WithName("GetDocument")
            .WithSummary("Returns one document with its status, counts and error.")
            .Produces<DocumentResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapDelete("/documents/{id}", DeleteAsync)
            .WithName("DeleteDocument")
            .WithSummary("Deletes a document with its chunks, vectors, keyword entries and original, cancelling its task.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ListAsync(
        HttpContext context,
        IDocumentStatusStore statuses,
        PageCursors cursors,
        IOptions<RagAnythingHostingOptions> options,
        string? status,
        string? name,
        string? sort,
        int? pageSize,
        string? cursor,
        CancellationToken cancellationToken)
    {
        DocumentProcessingStatus? statusFilter = null;
        if (status is not null)
        {
            if (!TryParseName<DocumentProcessingStatus>(status, out var parsed))
            {
                return ApiProblems.Validation($"Status '{status}' is invalid. Use one of: {string.Join(", ", Enum.GetValues<DocumentProcessingStatus>().Select(ApiNames.Of))}.");
            }

            statusFilter = parsed;
        }

        if (sort is not null && sort != SortByName && sort != SortByCreatedAt)
        {
            return ApiProblems.Validation($"Sort '{sort}' is invalid. Use '{SortByName}' or '{SortByCreatedAt}'.");
        }

        var (request, problem) = PageParameters.Check(context, PageListing.Documents, pageSize, cursor, options.Value, cursors);
        if (problem is not null)
        {
            return problem;
        }

        var page = await statuses.ListAsync(
            new DocumentStatusQuery { Status = statusFilter, NameContains = name, PageSize = request.Size, ContinuationToken = request.StoreToken },
            cancellationToken).ConfigureAwait(false);

        // NOTE: the library writes status changes behind in batches, so a listing may show a status a moment old.
        // TODO: sort across pages once the status store can order by name or creation time; the store pages by
        // id, so the sort below orders the records within this page only, as the route's summary states.
        IEnumerable<DocumentStatusRecord> items = sort switch
        {
            SortByName => page.Items.OrderBy(record => record.SourceName, StringComparer.OrdinalIgnoreCase),
            SortByCreatedAt => page.Items.OrderBy(record => record.CreatedAt),
            _ => page.Items,
        };

        var next = cursors.Issue(PageListing.Documents, page.ContinuationToken);
        return Results.Ok(new PageResponse<DocumentResponse>(items.Select(DocumentResponse.From).ToList(), next));
    }

    private static async Task<IResult> GetAsync(string id, IRagAnything rag, CancellationToken cancellationToken)
    {
        // The library writes status changes behind in batches; it returns the newest state, the store may lag.
        var record = await rag.GetDocumentAsync(id, cancellationToken).ConfigureAwait(false);
        return record is null ? ApiProblems.NotFound("document", id) : Results.Ok(DocumentResponse.From(record));
    }

    private static async Task<IResult> DeleteAsync(
        string id,
        IRagAnything rag,
        TaskCoordinator coordinator,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        // NOTE: a running task is asked to stop but not awaited, so a stage that ignores cancellation for a moment
        // may still write after the delete; processing that document again cleans it up.
        await coordinator.CancelForDocumentAsync(id, cancellationToken).ConfigureAwait(false);
        if (!await rag.DeleteAsync(id, cancellationToken).ConfigureAwait(false))
        {
            return ApiProblems.NotFound("document", id);
        }

        Log.DocumentDeleted(loggers.CreateLogger(typeof(DocumentEndpoints).FullName!), id);
        return Results.NoContent();
    }

    /// <summary>Parses an enum from its name, case-insensitively, rejecting numbers that <see cref="Enum.TryParse{TEnum}(string, bool, out TEnum)"/> would accept.</summary>
    internal static bool TryParseName<TEnum>(string text, out TEnum value)
        where TEnum : struct, Enum
    {
        value = default;
        return text.Length > 0 && text.All(char.IsAsciiLetter) && Enum.TryParse(text, ignoreCase: true, out value);
    }
}
