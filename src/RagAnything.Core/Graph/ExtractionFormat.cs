namespace RagAnything.Graph;

/// <summary>
/// The output format the chat model is asked to use for extracted entities and relations.
/// </summary>
public enum ExtractionFormat
{
    /// <summary>One record per line, fields separated by <c>&lt;|&gt;</c>. Short, and easy to recover when the model strays.</summary>
    Delimited,

    /// <summary>One JSON object with <c>entities</c> and <c>relations</c> arrays, for models tuned for JSON output.</summary>
    Json,
}
