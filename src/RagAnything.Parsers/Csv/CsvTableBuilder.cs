using RagAnything.Content;

namespace RagAnything.Parsing;

/// <summary>
/// Collects records into table items of at most a set number of data rows, each starting with the header rows.
/// </summary>
/// <remarks>An instance builds the tables of one file and is not thread-safe.</remarks>
internal sealed class CsvTableBuilder
{
    private readonly int _expectedHeaderRows;
    private readonly int _rowsPerTable;
    private readonly List<string[]> _header = [];
    private readonly List<string[]> _rows = [];
    private readonly List<ContentItem> _items = [];

    public CsvTableBuilder(int headerRowCount, int rowsPerTable)
    {
        _expectedHeaderRows = headerRowCount;
        _rowsPerTable = rowsPerTable;
    }

    /// <summary>Gets how many records were added, header rows included.</summary>
    public long RecordCount { get; private set; }

    /// <summary>Gets how many data rows were added.</summary>
    public long DataRowCount { get; private set; }

    /// <summary>Gets how many header rows the tables start with.</summary>
    public int HeaderRowCount => _header.Count;

    public void Add(List<string> fields)
    {
        RecordCount++;
        var row = fields.ToArray();

        // A byte order mark can survive decoding when a file was saved with two of them or pasted as text.
        if (RecordCount == 1 && row.Length > 0)
        {
            row[0] = row[0].TrimStart('\uFEFF');
        }

        if (_header.Count < _expectedHeaderRows)
        {
            _header.Add(row);
            return;
        }

        _rows.Add(row);
        DataRowCount++;
        if (_rows.Count == _rowsPerTable)
        {
            Flush();
        }
    }

    /// <summary>Emits the last partial table and returns every table built.</summary>
    public List<ContentItem> Complete()
    {
        // A file of header rows alone still yields one table, so its column names are not lost.
        if (_rows.Count > 0 || (_items.Count == 0 && _header.Count > 0))
        {
            Flush();
        }

        return _items;
    }

    private void Flush()
    {
        var width = _header.Concat(_rows).Max(row => row.Length);
        var rows = new List<IReadOnlyList<string>>(_header.Count + _rows.Count);
        foreach (var row in _header.Concat(_rows))
        {
            rows.Add(Pad(row, width));
        }

        _items.Add(new TableItem(rows) { HeaderRowCount = _header.Count });
        _rows.Clear();
    }

    // Ragged rows are padded because the content model promises rows of equal width.
    private static string[] Pad(string[] row, int width)
    {
        if (row.Length == width)
        {
            return row;
        }

        var padded = new string[width];
        row.CopyTo(padded, 0);
        Array.Fill(padded, string.Empty, row.Length, width - row.Length);
        return padded;
    }
}
