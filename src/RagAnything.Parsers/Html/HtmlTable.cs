namespace RagAnything.Parsing;

/// <summary>
/// The cell grid of one HTML table after merged cells were expanded and empty rows and columns dropped.
/// </summary>
/// <param name="Rows">The rows, all of the same width.</param>
/// <param name="HeaderRowCount">How many of the first rows are header rows.</param>
/// <param name="Caption">The text of the <c>&lt;caption&gt;</c> element, or <see langword="null"/>.</param>
/// <param name="Truncated">Whether cells or rows were dropped because the table exceeded the cell limit.</param>
internal sealed record HtmlTable(List<IReadOnlyList<string>> Rows, int HeaderRowCount, string? Caption, bool Truncated)
{
    /// <summary>Gets the number of columns.</summary>
    public int ColumnCount => Rows.Count == 0 ? 0 : Rows[0].Count;
}
