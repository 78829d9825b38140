using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using RagAnything.Hosting.Endpoints.Bodies;
using RagAnything.Hosting.Endpoints.Contracts;
using RagAnything.Hosting.Problems;
using RagAnything.Hosting.Streaming;

namespace RagAnything.Hosting.Endpoints;

/// <summary>
/// Maps the query routes: an answer with citations, the same as an NDJSON stream, and retrieval without an answer.
/// </summary>
internal static class QueryEndpoints
{
    /// <summary>A valid query body, quoted in the messages of 400 responses.</summary>
    private const string ExampleBody = """{"query": "What does the report conclude?", "mode": "naive", "topK": 5}""";

    public static void Map(IEndpointRouteBuilder group)
    {
        group.MapPost("/query", QueryAsync)
            .WithName("Query")
            .WithSummary("Answers a question with citations to document pages and chunks.")
            .Produces<QueryResponse>()
            .Accepts<QueryRequestBody>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        group.MapPost("/query/stream", StreamAsync)
            .WithName("QueryStream")
            .WithSummary("Answers a question as NDJSON: a references line, then answer fragments, then a done line.")
            .Produces(StatusCodes.Status200OK, contentType: "application/x-ndjson")
            .Accepts<QueryRequestBody>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        group.MapPost("/query/data", RetrieveAsync)
            .WithName("QueryData")
            .WithSummary("Returns the chunks a question retrieves, without generating an answer.")
            .Produces<RetrievalResponse>()
            .Accepts<QueryRequestBody>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
    }

    private static async Task<IResult> QueryAsync(HttpContext context, IRagAnything rag, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonRequestBody.ReadAsync<QueryRequestBody>(context, ExampleBody, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        if (!QueryRequestMapper.TryMap(body, out var request, out var error))
        {
            return ApiProblems.Validation(error);
        }

        var result = await rag.QueryAsync(request, cancellationToken).ConfigureAwait(false);
        var citations = result.Citations.Select(CitationResponse.From).ToList();
        return Results.Ok(new QueryResponse(result.Answer, ApiNames.Of(result.Mode), result.IsExtractive, citations));
    }

    private static async Task<IResult> StreamAsync(
        HttpContext context,
        IRagAnything rag,
        IOptions<JsonOptions> json,
        CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonRequestBody.ReadAsync<QueryRequestBody>(context, ExampleBody, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        if (!QueryRequestMapper.TryMap(body, out var request, out var error))
        {
            return ApiProblems.Validation(error);
        }

        // The answer is complete before the first byte is sent, so a failed query still gets a problem response.
        // TODO: relay tokens as they arrive once the library exposes a streaming answer.
        var result = await rag.QueryAsync(request, cancellationToken).ConfigureAwait(false);
        var serializer = json.Value.SerializerOptions;

        var response = context.Response;
        response.ContentType = "application/x-ndjson";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        var references = result.Citations.Select(CitationResponse.From).ToList();
        await WriteLineAsync(response, new { type = "references", references }, serializer, cancellationToken).ConfigureAwait(false);
        foreach (var fragment in SentenceSplitter.Split(result.Answer))
        {
            await WriteLineAsync(response, new { type = "fragment", text = fragment }, serializer, cancellationToken).ConfigureAwait(false);
        }

        await WriteLineAsync(response, new { type = "done", mode = ApiNames.Of(result.Mode), isExtractive = result.IsExtractive }, serializer, cancellationToken).ConfigureAwait(false);
        return Results.Empty;
    }

    private static async Task<IResult> RetrieveAsync(HttpContext context, IRagAnything rag, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonRequestBody.ReadAsync<QueryRequestBody>(context, ExampleBody, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        if (!QueryRequestMapper.TryMap(body, out var request, out var error))
        {
            return ApiProblems.Validation(error);
        }

        var citations = await rag.RetrieveAsync(request, cancellationToken).ConfigureAwait(false);
        return Results.Ok(new RetrievalResponse(ApiNames.Of(request.Mode), citations.Select(CitationResponse.From).ToList()));
    }

    private static async Task WriteLineAsync<T>(HttpResponse response, T line, JsonSerializerOptions serializer, CancellationToken cancellationToken)
    {
        await JsonSerializer.SerializeAsync(response.Body, line, serializer, cancellationToken).ConfigureAwait(false);
        await response.Body.WriteAsync("\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
        await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
