using System.Globalization;

namespace RagAnything.Parsing;

/// <summary>
/// Decides how many of the first records of a delimited file are header rows.
/// </summary>
/// <remarks>
/// The first record is a header when it has no number in a column whose later values are mostly numbers, or, in a
/// file without numeric columns, when its cells are non-empty, distinct and not numbers. Records after a header that
/// also hold no number in any numeric column, such as the second line of a two-line header, are counted as header rows
/// too, up to <see cref="MaxHeaderRows"/>.
/// </remarks>
internal static class CsvHeaderDetector
{
    /// <summary>The most header rows detected; real files rarely stack more than three.</summary>
    public const int MaxHeaderRows = 3;

    private static readonly char[] CurrencySymbols = ['$', '€', '£', '¥', '+', '-'];

    public static int Detect(IReadOnlyList<IReadOnlyList<string>> records)
    {
        if (records.Count == 0)
        {
            return 0;
        }

        var numericColumns = FindNumericColumns(records);
        if (numericColumns.Count == 0)
        {
            return IsDistinctTextRow(records[0]) ? 1 : 0;
        }

        var headerRows = 0;
        while (headerRows < MaxHeaderRows && headerRows < records.Count - 1 && HasNoNumberIn(records[headerRows], numericColumns))
        {
            headerRows++;
        }

        return headerRows;
    }

    /// <summary>Returns whether a cell reads as a number, allowing a currency sign, a percent sign and grouping.</summary>
    public static bool IsNumeric(string cell)
    {
        var text = cell.Trim().TrimStart(CurrencySymbols).TrimEnd('%').Trim();
        if (text.Length == 0)
        {
            return false;
        }

        if (double.TryParse(text, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out _))
        {
            return true;
        }

        // Semicolon-separated files from European locales write decimal commas, such as 3,5.
        return text.Count(character => character == ',') == 1 &&
            double.TryParse(text.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out _);
    }

    /// <summary>Finds the columns where most non-empty values after the first record are numbers.</summary>
    private static HashSet<int> FindNumericColumns(IReadOnlyList<IReadOnlyList<string>> records)
    {
        var numeric = new Dictionary<int, (int Numbers, int Values)>();
        foreach (var record in records.Skip(1))
        {
            for (var column = 0; column < record.Count; column++)
            {
                if (record[column].Trim().Length == 0)
                {
                    continue;
                }

                var (numbers, values) = numeric.GetValueOrDefault(column);
                numeric[column] = (numbers + (IsNumeric(record[column]) ? 1 : 0), values + 1);
            }
        }

        return numeric.Where(pair => pair.Value.Numbers * 2 > pair.Value.Values).Select(pair => pair.Key).ToHashSet();
    }

    private static bool HasNoNumberIn(IReadOnlyList<string> record, HashSet<int> numericColumns) =>
        record.Any(cell => cell.Trim().Length > 0) &&
        numericColumns.All(column => column >= record.Count || !IsNumeric(record[column]));

    private static bool IsDistinctTextRow(IReadOnlyList<string> record)
    {
        var cells = record.Select(cell => cell.Trim()).ToList();
        return cells.All(cell => cell.Length > 0 && !IsNumeric(cell)) &&
            cells.Distinct(StringComparer.OrdinalIgnoreCase).Count() == cells.Count;
    }
}
