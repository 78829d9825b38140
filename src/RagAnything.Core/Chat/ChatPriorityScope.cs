using Microsoft.Extensions.AI;

namespace RagAnything.Chat;

/// <summary>
/// Sets the <see cref="ChatPriority"/> of chat calls made in the current asynchronous flow, or per call through
/// <see cref="ChatOptions.AdditionalProperties"/>.
/// </summary>
public static class ChatPriorityScope
{
    /// <summary>
    /// The <see cref="ChatOptions.AdditionalProperties"/> key that sets one call's priority: <c>"query"</c>,
    /// <c>"ingest"</c> or a <see cref="ChatPriority"/> value. It takes precedence over the scope.
    /// </summary>
    public const string PropertyName = "raganything.priority";

    private static readonly AsyncLocal<ChatPriority?> CurrentPriority = new();

    /// <summary>Gets the priority set by the innermost active scope, or <see langword="null"/> outside any scope.</summary>
    public static ChatPriority? Current => CurrentPriority.Value;

    /// <summary>
    /// Gives chat calls made in this asynchronous flow, until the returned scope is disposed, the priority
    /// <paramref name="priority"/>.
    /// </summary>
    /// <param name="priority">The priority.</param>
    /// <returns>A scope that restores the previous priority when disposed.</returns>
    public static IDisposable Enter(ChatPriority priority)
    {
        var previous = CurrentPriority.Value;
        CurrentPriority.Value = priority;
        return new Restore(previous);
    }

    /// <summary>
    /// Returns the priority of a call with <paramref name="options"/>: the per-call property, then the scope,
    /// then <see cref="ChatPriority.Ingest"/>, because the core makes unmarked calls only while ingesting.
    /// </summary>
    internal static ChatPriority Resolve(ChatOptions? options)
    {
        if (options?.AdditionalProperties is { } properties && properties.TryGetValue(PropertyName, out var value))
        {
            switch (value)
            {
                case ChatPriority priority:
                    return priority;
                case string text when Enum.TryParse<ChatPriority>(text, ignoreCase: true, out var parsed):
                    return parsed;
            }
        }

        return Current ?? ChatPriority.Ingest;
    }

    private sealed class Restore(ChatPriority? previous) : IDisposable
    {
        public void Dispose() => CurrentPriority.Value = previous;
    }
}
