using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using RagAnything.Content;

namespace RagAnything.Parsing;

/// <summary>
/// Turns the cached data of a DrawingML chart part into a table: the first column contains the categories and each
/// series adds a column of values, under a header row of series names. The chart title becomes the caption.
/// </summary>
/// <remarks>
/// Only the caches stored in the chart XML (<c>c:strCache</c>, <c>c:numCache</c>) are read; the embedded workbook
/// that Office keeps beside a chart is not opened. Scatter and bubble charts use <c>c:xVal</c> and <c>c:yVal</c>,
/// which are read as categories and values. Elements are matched by local name, so every chart type is covered.
/// </remarks>
internal static class ChartTableReader
{
    private const string ChartNamespace = "http://schemas.openxmlformats.org/drawingml/2006/chart";

    /// <summary>Returns the chart as a table, or null when the chart has no cached series data.</summary>
    public static TableItem? Read(ChartPart part)
    {
        var chart = part.ChartSpace?.ChildElements.FirstOrDefault(element => element.LocalName == "chart");
        var plotArea = chart?.ChildElements.FirstOrDefault(element => element.LocalName == "plotArea");
        if (chart is null || plotArea is null)
        {
            return null;
        }

        var series = plotArea.Descendants().Where(element => element.LocalName == "ser" && element.NamespaceUri == ChartNamespace).ToList();
        if (series.Count == 0)
        {
            return null;
        }

        var names = new List<string>();
        var categories = new SortedDictionary<int, string>();
        var columns = new List<Dictionary<int, string>>();
        foreach (var item in series)
        {
            names.Add(JoinPoints(Child(item, "tx")) is { Length: > 0 } name ? name : $"Series {names.Count + 1}");
            foreach (var (index, label) in Points(Child(item, "cat") ?? Child(item, "xVal")))
            {
                categories.TryAdd(index, label);
            }

            columns.Add(Points(Child(item, "val") ?? Child(item, "yVal")).ToDictionary(point => point.Index, point => point.Value));
        }

        var pointIndexes = categories.Keys.Union(columns.SelectMany(column => column.Keys)).Order().ToList();
        List<string> header = ["Category", .. names];
        var rows = new List<IReadOnlyList<string>> { header };
        foreach (var index in pointIndexes)
        {
            var row = new List<string> { categories.TryGetValue(index, out var category) ? category : (index + 1).ToString(CultureInfo.InvariantCulture) };
            row.AddRange(columns.Select(column => column.TryGetValue(index, out var value) ? value : string.Empty));
            rows.Add(row);
        }

        return new TableItem(rows) { Caption = Title(chart, names) };
    }

    /// <summary>Returns the chart title: its rich text, or the single series' name, which Office shows as the title.</summary>
    private static string? Title(OpenXmlElement chart, List<string> seriesNames)
    {
        var title = Child(chart, "title");
        if (title is not null)
        {
            var text = string.Concat(title.Descendants().Where(element => element.LocalName == "t").Select(element => element.InnerText));
            if (string.IsNullOrWhiteSpace(text))
            {
                text = JoinPoints(Child(title, "tx"));
            }

            if (!string.IsNullOrWhiteSpace(text))
            {
                return text.Trim();
            }

            return seriesNames.Count == 1 ? seriesNames[0] : null;
        }

        var titleDeleted = Child(chart, "autoTitleDeleted")?.GetAttributes().Any(attribute => attribute.LocalName == "val" && attribute.Value is "1" or "true") ?? false;
        return !titleDeleted && seriesNames.Count == 1 ? seriesNames[0] : null;
    }

    /// <summary>Returns the cached points (<c>c:pt</c> with <c>idx</c> and <c>c:v</c>) below a data reference.</summary>
    private static IEnumerable<(int Index, string Value)> Points(OpenXmlElement? reference)
    {
        if (reference is null)
        {
            yield break;
        }

        // Numeric caches store raw doubles such as 8.8000000000000007; their formatCode gives the format Office shows them in.
        var formatCode = reference.Descendants().FirstOrDefault(element => element.LocalName == "formatCode")?.InnerText;
        var isNumeric = reference.Descendants().Any(element => element.LocalName is "numCache" or "numLit");
        var format = XlsxNumberFormat.Parse(string.IsNullOrWhiteSpace(formatCode) ? "General" : formatCode);

        foreach (var point in reference.Descendants().Where(element => element.LocalName == "pt"))
        {
            var indexText = point.GetAttributes().FirstOrDefault(attribute => attribute.LocalName == "idx").Value;
            if (!int.TryParse(indexText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index))
            {
                continue;
            }

            var value = (point.ChildElements.FirstOrDefault(element => element.LocalName == "v")?.InnerText ?? string.Empty).Trim();
            if (isNumeric && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                value = format.Format(number, date1904: false);
            }

            yield return (index, value);
        }
    }

    /// <summary>Joins the cached values of a reference, or returns its literal text (<c>c:v</c>) when it has no cache.</summary>
    private static string JoinPoints(OpenXmlElement? reference)
    {
        if (reference is null)
        {
            return string.Empty;
        }

        var values = Points(reference).Select(point => point.Value).ToList();
        if (values.Count > 0)
        {
            return string.Join(" ", values);
        }

        return reference.ChildElements.FirstOrDefault(element => element.LocalName == "v")?.InnerText.Trim() ?? string.Empty;
    }

    private static OpenXmlElement? Child(OpenXmlElement element, string localName) =>
        element.ChildElements.FirstOrDefault(child => child.LocalName == localName && child.NamespaceUri == ChartNamespace);
}
