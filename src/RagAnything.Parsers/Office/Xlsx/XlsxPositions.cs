using System.Collections.ObjectModel;
using System.Globalization;
using DocumentFormat.OpenXml;

namespace RagAnything.Parsing;

/// <summary>
/// Reads row numbers and cell columns from SpreadsheetML attributes. Both attributes are optional: a row without
/// <c>r</c> follows the previous row, and a cell without <c>r</c> follows the previous cell.
/// </summary>
internal static class XlsxPositions
{
    public static int RowOf(ReadOnlyCollection<OpenXmlAttribute> attributes, int previousRow)
    {
        var number = Attribute(attributes, "r");
        return int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var row) && row >= 1 ? row - 1 : previousRow + 1;
    }

    public static int ColumnOf(ReadOnlyCollection<OpenXmlAttribute> attributes, int previousColumn)
    {
        var reference = Attribute(attributes, "r");
        return reference is not null && XlsxCellReference.TryParse(reference, out var column, out _) ? column : previousColumn + 1;
    }

    public static int ColumnOf(string? reference, int previousColumn) =>
        reference is not null && XlsxCellReference.TryParse(reference, out var column, out _) ? column : previousColumn + 1;

    public static string? Attribute(ReadOnlyCollection<OpenXmlAttribute> attributes, string localName)
    {
        foreach (var attribute in attributes)
        {
            if (attribute.LocalName == localName && string.IsNullOrEmpty(attribute.NamespaceUri))
            {
                return attribute.Value;
            }
        }

        return null;
    }
}
