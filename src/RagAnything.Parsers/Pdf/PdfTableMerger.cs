using RagAnything.Content;

namespace RagAnything.Parsing;

/// <summary>
/// Joins a table that ends one page with a table of the same column count that starts the next page, dropping the
/// continuation's first row when it repeats the header.
/// </summary>
/// <remarks>
/// Short text items (page numbers and running footers or headers up to <see cref="MaxMarginTextLength"/>
/// characters) may sit between the two parts. The merged table keeps the first part's page index and box.
/// </remarks>
internal static class PdfTableMerger
{
    public const int MaxMarginTextLength = 40;

    public static void Merge(List<PdfPageContent> pages)
    {
        for (var i = 0; i + 1 < pages.Count; i++)
        {
            var last = LastTableIndex(pages[i].Items);
            var first = FirstTableIndex(pages[i + 1].Items);
            if (last < 0 || first < 0)
            {
                continue;
            }

            var head = (TableItem)pages[i].Items[last];
            var tail = (TableItem)pages[i + 1].Items[first];
            if (head.Rows[0].Count != tail.Rows[0].Count)
            {
                continue;
            }

            var repeatsHeader = head.Rows[0].SequenceEqual(tail.Rows[0], StringComparer.Ordinal);
            var continuation = repeatsHeader ? tail.Rows.Skip(1) : tail.Rows;
            var caption = head.Caption ?? tail.Caption;
            pages[i + 1].Items.RemoveAt(first);

            // The merged table moves to the later page's list position so a third page can extend it again.
            var merged = head with { Rows = [.. head.Rows, .. continuation], Caption = caption };
            pages[i].Items.RemoveAt(last);
            pages[i + 1].Items.Insert(0, merged);
        }
    }

    private static int LastTableIndex(List<ContentItem> items)
    {
        for (var i = items.Count - 1; i >= 0; i--)
        {
            if (items[i] is TableItem)
            {
                return i;
            }

            if (!IsMarginText(items[i]))
            {
                return -1;
            }
        }

        return -1;
    }

    private static int FirstTableIndex(List<ContentItem> items)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is TableItem)
            {
                return i;
            }

            if (!IsMarginText(items[i]))
            {
                return -1;
            }
        }

        return -1;
    }

    private static bool IsMarginText(ContentItem item) => item is TextItem text && text.Text.Length <= MaxMarginTextLength;
}
