using System.Text;
using RagAnything.Content;

namespace RagAnything.Modal;

/// <summary>
/// Writes a table as text: the header, then each row as "label: column value; column value".
/// </summary>
internal static class TableText
{
    public static string Linearise(TableItem table, int maxLength)
    {
        var text = new StringBuilder();
        var headerRows = Math.Min(table.HeaderRowCount, table.Rows.Count);
        var header = headerRows > 0 ? table.Rows[headerRows - 1] : [];
        if (header.Count > 0)
        {
            text.Append("Columns: ").AppendJoin(", ", header.Where(cell => cell.Length > 0)).Append('.');
        }

        for (var row = headerRows; row < table.Rows.Count && text.Length < maxLength; row++)
        {
            var cells = table.Rows[row];
            if (cells.Count == 0)
            {
                continue;
            }

            var values = new List<string>();
            for (var column = 1; column < cells.Count; column++)
            {
                if (cells[column].Length > 0)
                {
                    var name = column < header.Count ? header[column] : "";
                    values.Add(name.Length > 0 ? $"{name} {cells[column]}" : cells[column]);
                }
            }

            text.Append('\n').Append(cells[0]);
            if (values.Count > 0)
            {
                text.Append(": ").AppendJoin("; ", values);
            }

            text.Append('.');
        }

        return text.Length <= maxLength ? text.ToString() : string.Concat(text.ToString().AsSpan(0, maxLength - 1), "…");
    }
}
