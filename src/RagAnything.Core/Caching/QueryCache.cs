using System.Globalization;
using System.Text;
using System.Text.Json;
using RagAnything.Content;
using RagAnything.Query;

namespace RagAnything.Caching;

/// <summary>
/// The query layer: whole query results keyed by the normalised question, the request's settings, the query options,
/// the answering model and the index generation.
/// </summary>
internal sealed class QueryCache
{
    private readonly CacheRegistry _registry;
    private readonly IIndexGeneration _generation;
    private readonly string _optionsFingerprint;

    public QueryCache(CacheRegistry registry, IIndexGeneration generation, QueryOptions options)
    {
        _registry = registry;
        _generation = generation;

        // Options are fixed for the life of the engine, so their fingerprint is computed once.
        _optionsFingerprint = JsonSerializer.Serialize(options);
    }

    /// <summary>
    /// Returns the cached result of <paramref name="request"/>, or runs <paramref name="answer"/> and caches its result.
    /// </summary>
    /// <param name="request">The validated request.</param>
    /// <param name="answererId">The chat model that answers, or a fixed id for extractive answers.</param>
    /// <param name="answer">Computes the result.</param>
    /// <param name="cancellationToken">Cancels the lookup and the computation.</param>
    public ValueTask<QueryResult> GetOrAnswerAsync(
        QueryRequest request,
        string answererId,
        Func<CancellationToken, ValueTask<QueryResult>> answer,
        CancellationToken cancellationToken)
    {
        var key = CreateKey(request, answererId, _generation.Current);
        return _registry[CacheLayer.Query].GetOrCreateAsync(key, answer, static (compute, token) => compute(token), cancellationToken);
    }

    /// <summary>Builds the key; it changes with every field of the request that can change the answer.</summary>
    internal string CreateKey(QueryRequest request, string answererId, long generation)
    {
        var documents = request.DocumentIds is null ? "*" : string.Join('\n', request.DocumentIds.Order(StringComparer.Ordinal));
        var history = string.Join('\n', request.History.Select(message => message.Role.Value + ":" + message.Text));
        var highLevel = request.HighLevelKeywords is null ? "*" : string.Join('\n', request.HighLevelKeywords);
        var lowLevel = request.LowLevelKeywords is null ? "*" : string.Join('\n', request.LowLevelKeywords);

        return CacheKeys.Combine(
            Normalize(request.Query),
            request.Mode.ToString(),
            request.TopK?.ToString(CultureInfo.InvariantCulture) ?? "*",
            documents,
            history,
            highLevel,
            lowLevel,
            _optionsFingerprint,
            answererId,
            generation.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Returns the question in compatibility-composed Unicode form, lower case, trimmed, with each run of white space
    /// made one space, so questions that differ only in those ways share an entry.
    /// </summary>
    internal static string Normalize(string query)
    {
        var text = UnicodeText.ReplaceInvalid(query).Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var character in text)
        {
            if (char.IsWhiteSpace(character))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(character);
        }

        return builder.ToString();
    }
}
