using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using RagAnything.Caching;

namespace RagAnything.Graph;

/// <summary>
/// Shortens merged descriptions that grew past the limit: with the chat model by map-reduce summarisation, or
/// without one by keeping the parts that fit.
/// </summary>
internal sealed class DescriptionSummarizer(IServiceProvider services, IOptions<KnowledgeGraphOptions> options)
{
    // Each reduce round shrinks the text by about the ratio of input to output length. An estimate: three rounds cover
    // the descriptions a few hundred mentions produce, and whatever is still too long is cut.
    private const int MaxReduceRounds = 3;

    private readonly KnowledgeGraphOptions _options = options.Value;

    /// <summary>Returns the description for <paramref name="parts"/>, summarised or cut when it is longer than the limit.</summary>
    /// <param name="name">The entity or relation the parts describe, named in the prompt.</param>
    /// <param name="parts">The distinct description parts, oldest first.</param>
    /// <param name="allowModel">Whether the chat model may be called; a rebuild passes <see langword="false"/>.</param>
    /// <param name="cancellationToken">Cancels the chat calls.</param>
    public async Task<string> ShortenAsync(string name, IReadOnlyList<string> parts, bool allowModel, CancellationToken cancellationToken)
    {
        var joined = DescriptionParts.Join(parts);
        if (joined.Length <= _options.MaxDescriptionLength)
        {
            return joined;
        }

        var chatClient = allowModel ? services.GetCoreChatClient() : null;
        if (chatClient is null)
        {
            return DescriptionParts.Truncate(parts, _options.MaxDescriptionLength);
        }

        IReadOnlyList<string> current = parts;
        for (var round = 0; round < MaxReduceRounds; round++)
        {
            var summaries = new List<string>();
            foreach (var batch in Batch(current))
            {
                summaries.Add(await SummarizeAsync(chatClient, name, batch, cancellationToken).ConfigureAwait(false));
            }

            current = summaries;
            var result = DescriptionParts.Join(current);
            if (result.Length <= _options.MaxDescriptionLength)
            {
                return result;
            }
        }

        return DescriptionParts.Truncate(current, _options.MaxDescriptionLength);
    }

    private async Task<string> SummarizeAsync(IChatClient chatClient, string name, IReadOnlyList<string> batch, CancellationToken cancellationToken)
    {
        var instructions =
            $"Combine the statements about \"{name}\" that the user sends into one description of at most {_options.MaxDescriptionLength} characters. " +
            "Keep every distinct fact, merge repeated ones, and add nothing the statements do not say. " +
            "Write plain prose in the language of the statements, without a heading or list.";
        var messages = new List<ChatMessage>
        {
            new(ChatRole.System, instructions),
            new(ChatRole.User, string.Join("\n", batch.Select(part => "- " + part))),
        };

        var response = await chatClient.GetResponseAsync(messages, cancellationToken: cancellationToken).ConfigureAwait(false);
        var text = response.Text.Trim();

        // An empty response must not erase the facts of the statements.
        return text.Length > 0 ? text.Replace('\n', ' ') : DescriptionParts.Truncate(batch, _options.MaxDescriptionLength);
    }

    private IEnumerable<List<string>> Batch(IReadOnlyList<string> parts)
    {
        var batch = new List<string>();
        var length = 0;
        foreach (var part in parts)
        {
            if (batch.Count > 0 && length + part.Length > _options.SummaryInputLength)
            {
                yield return batch;
                batch = [];
                length = 0;
            }

            batch.Add(part);
            length += part.Length + 1;
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }
}
