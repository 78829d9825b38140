namespace RagAnything.Chat;

/// <summary>
/// Which chat-model calls the scheduler starts first when calls wait for a free slot.
/// </summary>
public enum ChatPriority
{
    /// <summary>A call made while answering a question; a user is waiting for it.</summary>
    Query = 0,

    /// <summary>A call made while ingesting documents (extraction, summaries, modal descriptions).</summary>
    Ingest = 1,
}
