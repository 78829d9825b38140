using System.Text.RegularExpressions;
using RagAnything.Content;

namespace RagAnything.Parsing;

/// <summary>
/// Moves caption paragraphs ("Figure 3", "Fig. 3", "Table 2" at the start) onto the nearest image or table of the
/// same page, measured between the boxes' vertical edges. A caption with no candidate on its page stays a text
/// item with <see cref="TextRole.Caption"/>.
/// </summary>
internal static partial class PdfCaptionLinker
{
    public static List<ContentItem> Link(List<ContentItem> pageItems)
    {
        var result = new List<ContentItem>(pageItems);
        var captioned = new HashSet<int>();
        for (var i = 0; i < result.Count; i++)
        {
            if (result[i] is not TextItem { BoundingBox: { } captionBox } text || !IsCaption(text.Text))
            {
                continue;
            }

            var wantsTable = text.Text.StartsWith("Table", StringComparison.OrdinalIgnoreCase);
            var target = FindNearest(result, captionBox, wantsTable, captioned);
            if (target < 0)
            {
                result[i] = text with { Role = TextRole.Caption };
                continue;
            }

            captioned.Add(target);
            result[target] = result[target] switch
            {
                ImageItem image => image with { Caption = text.Text },
                TableItem table => table with { Caption = text.Text },
                var other => other,
            };
            result[i] = null!;
        }

        return result.Where(item => item is not null).ToList();
    }

    public static bool IsCaption(string text) => CaptionStart().IsMatch(text);

    private static int FindNearest(List<ContentItem> items, BoundingBox caption, bool wantsTable, HashSet<int> captioned)
    {
        var best = -1;
        var bestDistance = double.MaxValue;
        for (var i = 0; i < items.Count; i++)
        {
            var matchesKind = wantsTable ? items[i] is TableItem : items[i] is ImageItem;
            if (!matchesKind || captioned.Contains(i) || items[i].BoundingBox is not { } box)
            {
                continue;
            }

            var distance = Math.Max(0, Math.Max(box.Top - caption.Bottom, caption.Top - box.Bottom));
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = i;
            }
        }

        return best;
    }

    [GeneratedRegex(@"^(Figure|Fig\.|Table)\s*\d+([-.–]\d+)*\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CaptionStart();
}
