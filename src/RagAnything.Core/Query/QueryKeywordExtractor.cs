using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RagAnything.Caching;
using RagAnything.Graph;

namespace RagAnything.Query;

/// <summary>
/// Chooses the keywords of a graph query: the caller's when given, else the chat model's, else words of the query.
/// </summary>
internal sealed class QueryKeywordExtractor(IServiceProvider services, ILogger logger)
{
    // A question has few themes and names; more keywords only blur the embedding they are joined into.
    private const int MaxKeywords = 8;

    // Follow-up questions refer to the last few turns; older ones would only lengthen the prompt.
    private const int MaxHistoryTurns = 6;

    private const string Instructions =
        "List search keywords for the user's question. High-level keywords are its themes and broad concepts; " +
        "low-level keywords are the specific names, objects and terms it mentions. " +
        "Answer with one JSON object and nothing else: {\"high_level_keywords\": [\"...\"], \"low_level_keywords\": [\"...\"]}";

    private static readonly JsonDocumentOptions Tolerant = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    public async Task<QueryKeywords> ExtractAsync(QueryRequest request, CancellationToken cancellationToken)
    {
        var offline = FromText(request.Query);
        if (request.HighLevelKeywords is not null || request.LowLevelKeywords is not null)
        {
            return new QueryKeywords(Clean(request.HighLevelKeywords) ?? offline.HighLevel, Clean(request.LowLevelKeywords) ?? offline.LowLevel);
        }

        var chatClient = services.GetCoreChatClient();
        if (chatClient is null)
        {
            return offline;
        }

        var messages = new List<ChatMessage> { new(ChatRole.System, WithHistory(request.History)), new(ChatRole.User, request.Query) };
        var response = await chatClient.GetResponseAsync(messages, cancellationToken: cancellationToken).ConfigureAwait(false);
        var parsed = Parse(response.Text);
        if (parsed is null)
        {
            GraphLog.KeywordsUnreadable(logger);
            return offline;
        }

        // An empty list from the model would search with nothing, so the query's own words stand in for it.
        return new QueryKeywords(
            parsed.HighLevel.Count > 0 ? parsed.HighLevel : offline.HighLevel,
            parsed.LowLevel.Count > 0 ? parsed.LowLevel : offline.LowLevel);
    }

    /// <summary>
    /// Adds the last turns of the conversation to the instructions, so that a follow-up such as "and its revenue?"
    /// yields the names it refers to. They go into the system message rather than as turns, so the model does not
    /// continue the conversation instead of listing keywords.
    /// </summary>
    private static string WithHistory(IReadOnlyList<ChatMessage> history)
    {
        if (history.Count == 0)
        {
            return Instructions;
        }

        var turns = history.TakeLast(MaxHistoryTurns).Where(turn => turn.Text.Length > 0).Select(turn => $"{turn.Role.Value}: {turn.Text}");
        return $"{Instructions}\n\nEarlier turns of the conversation, to resolve what the question refers to:\n{string.Join("\n", turns)}";
    }

    /// <summary>
    /// Takes keywords from the query text. Its content words are the high-level keywords. Its names and acronyms,
    /// followed by the content words that are not part of a name, are the low-level keywords.
    /// </summary>
    public static QueryKeywords FromText(string query)
    {
        var words = OfflineWordSplitter.Split(query);
        var contentWords = words
            .Where(word => word.Text.Length > 2 && !OfflineWordLists.StopWords.Contains(word.Text))
            .Select(word => word.Text)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Take(MaxKeywords)
            .ToList();

        var names = OfflineNameScanner.Scan(words)
            .Select(name => name.Text)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Take(MaxKeywords)
            .ToList();

        var otherWords = contentWords.Where(word => !names.Any(name => name.Contains(word, StringComparison.OrdinalIgnoreCase)));
        return new QueryKeywords(contentWords, [.. names, .. otherWords]);
    }

    /// <summary>Reads the model's JSON output, or returns <see langword="null"/> when it contains no keyword lists.</summary>
    public static QueryKeywords? Parse(string output)
    {
        var start = output.IndexOf('{', StringComparison.Ordinal);
        var end = output.LastIndexOf('}');
        if (start < 0 || end <= start)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(output[start..(end + 1)], Tolerant);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            List<string>? high = null;
            List<string>? low = null;
            foreach (var property in document.RootElement.EnumerateObject())
            {
                var name = property.Name.ToLowerInvariant();
                if (name.Contains("high", StringComparison.Ordinal))
                {
                    high = Strings(property.Value);
                }
                else if (name.Contains("low", StringComparison.Ordinal))
                {
                    low = Strings(property.Value);
                }
            }

            return high is null && low is null ? null : new QueryKeywords(high ?? [], low ?? []);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static List<string> Strings(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return Clean(value.GetString()!.Split(',')) ?? [];
        }

        return value.ValueKind == JsonValueKind.Array
            ? Clean(value.EnumerateArray().Where(item => item.ValueKind == JsonValueKind.String).Select(item => item.GetString()!).ToList()) ?? []
            : [];
    }

    private static List<string>? Clean(IReadOnlyList<string>? keywords)
    {
        return keywords?
            .Select(keyword => keyword.Trim())
            .Where(keyword => keyword.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Take(MaxKeywords)
            .ToList();
    }
}
