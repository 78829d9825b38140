using Microsoft.Extensions.AI;
using RagAnything.Chunking;

namespace RagAnything.Graph;

/// <summary>
/// Extracts entities and relations with a chat model, optionally asking again for what the first response missed.
/// </summary>
internal sealed class ChatEntityExtractor(IChatClient chatClient, KnowledgeGraphOptions options) : IEntityExtractor
{
    private readonly string _instructions = ExtractionPrompts.BuildInstructions(options.EntityTypes, options.Format);

    public string Identity { get; } = BuildIdentity(chatClient, options);

    public async Task<ExtractionResult> ExtractAsync(Chunk chunk, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chunk);

        var messages = new List<ChatMessage>
        {
            new(ChatRole.System, _instructions),
            new(ChatRole.User, chunk.Text),
        };

        var result = ExtractionResult.Empty;
        for (var round = 0; round <= options.GleaningRounds; round++)
        {
            if (round > 0)
            {
                messages.Add(new ChatMessage(ChatRole.User, ExtractionPrompts.GleaningRequest));
            }

            var response = await chatClient.GetResponseAsync(messages, cancellationToken: cancellationToken).ConfigureAwait(false);
            var parsed = Parse(response.Text);
            result = result.Append(parsed);

            // A round that finds nothing new means the model has nothing more to add.
            if (round > 0 && parsed.Entities.Count + parsed.Relations.Count == 0)
            {
                break;
            }

            messages.Add(new ChatMessage(ChatRole.Assistant, response.Text));
        }

        return ExtractionLimits.Apply(result, options.MaxEntitiesPerChunk, options.MaxRelationsPerChunk);
    }

    private ExtractionResult Parse(string output)
        => options.Format == ExtractionFormat.Json ? JsonRecordParser.Parse(output) : DelimitedRecordParser.Parse(output);

    private static string BuildIdentity(IChatClient chatClient, KnowledgeGraphOptions options)
    {
        var model = chatClient.GetService<ChatClientMetadata>()?.DefaultModelId ?? chatClient.GetType().Name;
        var types = string.Join(',', options.EntityTypes);
        var settings = $"{options.Format}-{options.GleaningRounds}-{types}".ToLowerInvariant();

        // The settings change what the model returns, so they are part of the cache identity. Hashing keeps keys short.
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(settings)))[..12];
        return $"chat-{ExtractionPrompts.Version}-{hash}/{model}";
    }
}
