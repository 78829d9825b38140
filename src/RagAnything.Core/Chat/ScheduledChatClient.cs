using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Polly;

namespace RagAnything.Chat;

/// <summary>
/// A chat client that sends every call through the engine's chat scheduler and the <c>raganything-chat</c>
/// resilience pipeline: retries wait outside the scheduler, and each attempt takes a slot, so a call waiting to be
/// retried does not hold one.
/// </summary>
/// <remarks>
/// The priority of a call comes from <see cref="ChatPriorityScope"/>; the per-call property is removed before the
/// call reaches the inner client. Streaming calls hold one slot for the whole stream and are not retried, because
/// part of the answer may already have reached the caller.
/// </remarks>
public sealed class ScheduledChatClient : DelegatingChatClient
{
    private readonly ChatScheduler _scheduler;
    private readonly ResiliencePipeline _retries;
    private readonly ResiliencePipeline _attempt;

    internal ScheduledChatClient(IChatClient innerClient, ChatScheduler scheduler, ResiliencePipeline retries, ResiliencePipeline attempt)
        : base(innerClient)
    {
        _scheduler = scheduler;
        _retries = retries;
        _attempt = attempt;
    }

    /// <inheritdoc/>
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var priority = ChatPriorityScope.Resolve(options);
        var call = new ChatCall(this, messages as IReadOnlyList<ChatMessage> ?? messages.ToList(), WithoutPriority(options), priority);

        return await _retries.ExecuteAsync(static (call, token) => call.RunAttemptAsync(token), call, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var priority = ChatPriorityScope.Resolve(options);
        var channel = System.Threading.Channels.Channel.CreateUnbounded<ChatResponseUpdate>();
        var producer = _scheduler.RunAsync(
            priority,
            async token =>
            {
                try
                {
                    await foreach (var update in base.GetStreamingResponseAsync(messages, WithoutPriority(options), token).ConfigureAwait(false))
                    {
                        await channel.Writer.WriteAsync(update, token).ConfigureAwait(false);
                    }

                    channel.Writer.TryComplete();
                }
                catch (Exception exception)
                {
                    channel.Writer.TryComplete(exception);
                    throw;
                }

                return true;
            },
            cancellationToken).AsTask();

        await foreach (var update in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return update;
        }

        await producer.ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public override object? GetService(Type serviceType, object? serviceKey = null)
        => serviceKey is null && serviceType == typeof(ScheduledChatClient) ? this : base.GetService(serviceType, serviceKey);

    private static ChatOptions? WithoutPriority(ChatOptions? options)
    {
        if (options?.AdditionalProperties is not { } properties || !properties.ContainsKey(ChatPriorityScope.PropertyName))
        {
            return options;
        }

        var copy = options.Clone();
        copy.AdditionalProperties = new AdditionalPropertiesDictionary(properties.Where(pair => pair.Key != ChatPriorityScope.PropertyName));
        return copy;
    }

    private Task<ChatResponse> SendAsync(IReadOnlyList<ChatMessage> messages, ChatOptions? options, CancellationToken cancellationToken)
        => base.GetResponseAsync(messages, options, cancellationToken);

    private sealed record ChatCall(ScheduledChatClient Client, IReadOnlyList<ChatMessage> Messages, ChatOptions? Options, ChatPriority Priority)
    {
        // The attempt timeout runs inside the slot, so time spent waiting for a slot never counts as a timeout.
        public ValueTask<ChatResponse> RunAttemptAsync(CancellationToken cancellationToken)
            => Client._scheduler.RunAsync(
                Priority,
                token => Client._attempt.ExecuteAsync(static (call, attemptToken) => new ValueTask<ChatResponse>(call.Client.SendAsync(call.Messages, call.Options, attemptToken)), this, token),
                cancellationToken);
    }
}
