using Microsoft.Extensions.AI;
using Polly.Registry;
using RagAnything.Resilience;

namespace RagAnything.Chat;

/// <summary>
/// Wraps the registered chat client in one <see cref="ScheduledChatClient"/>, so every core chat call shares the
/// scheduler and the chat resilience pipelines.
/// </summary>
internal sealed class ChatClientScheduling(ChatScheduler scheduler, ResiliencePipelineProvider<string> pipelines)
{
    private readonly Lock _gate = new();
    private IChatClient? _inner;
    private IChatClient? _wrapped;

    /// <summary>
    /// Returns the scheduled wrapper of <paramref name="inner"/>, created once per inner client; returns
    /// <paramref name="inner"/> itself when it is <see langword="null"/> or already scheduled.
    /// </summary>
    public IChatClient? Wrap(IChatClient? inner)
    {
        if (inner is null || inner.GetService<ScheduledChatClient>() is not null)
        {
            return inner;
        }

        lock (_gate)
        {
            if (!ReferenceEquals(inner, _inner))
            {
                _wrapped = new ScheduledChatClient(
                    inner,
                    scheduler,
                    pipelines.GetPipeline(ResiliencePipelineNames.Chat),
                    pipelines.GetPipeline(ResiliencePipelineNames.ChatAttempt));
                _inner = inner;
            }

            return _wrapped;
        }
    }
}
