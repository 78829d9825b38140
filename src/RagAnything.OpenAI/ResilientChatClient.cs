using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Polly;

namespace RagAnything.OpenAI;

/// <summary>
/// Runs each chat call through the retry and timeout pipeline and turns its failures into
/// <see cref="Errors.RagAnythingException"/>s with a category.
/// </summary>
/// <remarks>
/// A streamed call is retried only until its first update arrives: after that, text has reached the caller and a
/// retry would repeat it. Later stalls are bounded by the client's network timeout, which is set to the same Timeout.
/// </remarks>
internal sealed class ResilientChatClient(IChatClient innerClient, ResiliencePipeline pipeline, OpenAIEndpointOptions endpointOptions, string endpoint, ILogger logger)
    : DelegatingChatClient(innerClient)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        try
        {
            return await pipeline.ExecuteAsync(
                async token => await base.GetResponseAsync(list, options, token).ConfigureAwait(false),
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (Map(exception, cancellationToken) is { } mapped)
        {
            throw mapped;
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        StreamStart start;
        try
        {
            start = await pipeline.ExecuteAsync(token => OpenStreamAsync(list, options, token, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (Map(exception, cancellationToken) is { } mapped)
        {
            throw mapped;
        }

        using var attempt = start.Attempt;
        await using var stream = start.Stream;
        if (!start.HasFirst)
        {
            yield break;
        }

        yield return stream.Current;
        while (await MoveNextAsync(stream, cancellationToken).ConfigureAwait(false))
        {
            yield return stream.Current;
        }
    }

    /// <summary>
    /// Starts a stream and reads its first update. The stream keeps its own token, linked to the caller's, because
    /// the pipeline's token belongs to this attempt and stops following the caller once the attempt ends.
    /// </summary>
    private async ValueTask<StreamStart> OpenStreamAsync(List<ChatMessage> messages, ChatOptions? options, CancellationToken attemptToken, CancellationToken callerToken)
    {
        var attempt = CancellationTokenSource.CreateLinkedTokenSource(callerToken);
        var stream = base.GetStreamingResponseAsync(messages, options, attempt.Token).GetAsyncEnumerator(attempt.Token);
        try
        {
            using (attemptToken.Register(attempt.Cancel))
            {
                var hasFirst = await stream.MoveNextAsync().ConfigureAwait(false);
                return new StreamStart(stream, attempt, hasFirst);
            }
        }
        catch
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            attempt.Dispose();
            throw;
        }
    }

    private async ValueTask<bool> MoveNextAsync(IAsyncEnumerator<ChatResponseUpdate> stream, CancellationToken cancellationToken)
    {
        try
        {
            return await stream.MoveNextAsync().ConfigureAwait(false);
        }
        catch (Exception exception) when (Map(exception, cancellationToken) is { } mapped)
        {
            throw mapped;
        }
    }

    private Errors.RagAnythingException? Map(Exception exception, CancellationToken cancellationToken)
    {
        var mapped = OpenAIErrors.Map(exception, endpointOptions.Model, endpoint, endpointOptions.Timeout, cancellationToken);
        if (mapped is not null)
        {
            OpenAILog.CallFailed(logger, exception, endpointOptions.Model, mapped.Category, mapped.Message);
        }

        return mapped;
    }

    private sealed record StreamStart(IAsyncEnumerator<ChatResponseUpdate> Stream, CancellationTokenSource Attempt, bool HasFirst);
}
