namespace RagAnything.Content;

/// <summary>
/// A table as rows of cell texts. Merged cells are expanded so every row has the same number of cells.
/// </summary>
/// <param name="Rows">The rows, header rows first.</param>
public sealed record TableItem(IReadOnlyList<IReadOnlyList<string>> Rows) : ContentItem
{
    /// <inheritdoc/>
    [System.Text.Json.Serialization.JsonIgnore]
    public override ContentKind Kind => ContentKind.Table;

    /// <summary>Gets how many of the first rows are header rows.</summary>
    /// <value>The default is 1.</value>
    public int HeaderRowCount { get; init; } = 1;

    /// <summary>Gets the table's caption, such as "Table 2: Results", when one was found.</summary>
    public string? Caption { get; init; }

    /// <summary>Gets notes printed under the table.</summary>
    /// <value>The default is an empty list.</value>
    public IReadOnlyList<string> Footnotes { get; init; } = [];
}
