using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using RagAnything.Chat;

namespace Microsoft.Extensions.AI;

/// <summary>
/// Puts a chat client behind RagAnything's shared chat scheduler.
/// </summary>
public static class ChatClientSchedulingExtensions
{
    /// <summary>
    /// Returns <paramref name="client"/> behind the engine's chat scheduler and chat resilience pipelines, so a host's
    /// own calls to the model share one concurrency limit with the engine's calls. A client that is already scheduled
    /// is returned as it is.
    /// </summary>
    /// <param name="client">The chat client to schedule.</param>
    /// <param name="services">The service provider that <c>AddRagAnything()</c> configured.</param>
    /// <returns>The scheduled client; the same instance on every call with the same <paramref name="client"/>.</returns>
    /// <exception cref="InvalidOperationException"><c>AddRagAnything()</c> was not called on the service collection.</exception>
    public static IChatClient UseRagAnythingScheduler(this IChatClient client, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(services);

        var scheduling = services.GetService<ChatClientScheduling>()
            ?? throw new InvalidOperationException("The RagAnything chat scheduler is not registered. Call services.AddRagAnything() first.");
        return scheduling.Wrap(client)!;
    }
}
