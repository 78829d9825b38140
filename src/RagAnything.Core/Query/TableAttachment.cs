namespace RagAnything.Query;

/// <summary>
/// A table sent with a question, as rows of cell texts.
/// </summary>
/// <param name="Rows">The rows, header rows first.</param>
public sealed record TableAttachment(IReadOnlyList<IReadOnlyList<string>> Rows) : QueryAttachment
{
    /// <summary>Gets how many of the first rows are header rows.</summary>
    /// <value>The default is 1.</value>
    public int HeaderRowCount { get; init; } = 1;
}
