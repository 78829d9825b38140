namespace RagAnything.Parsing;

/// <summary>
/// Settings of <see cref="CsvParser"/>.
/// </summary>
public sealed class CsvParserOptions
{
    /// <summary>
    /// The default number of data rows per table item: 200. A table item is described and embedded as one unit, and
    /// 200 short rows still fit a chat model's context, while a 50,000-row file becomes 250 items instead of one.
    /// </summary>
    public const int DefaultRowsPerTable = 200;

    /// <summary>
    /// Gets or sets the maximum number of data rows in one <see cref="Content.TableItem"/>. Longer files are split
    /// into several table items, each starting with the header rows again.
    /// </summary>
    /// <value>The default is <see cref="DefaultRowsPerTable"/> (200).</value>
    public int RowsPerTable { get; set; } = DefaultRowsPerTable;
}
