using System.Net;
using System.Text.RegularExpressions;
using Markdig.Extensions.Mathematics;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using RagAnything.Content;

namespace RagAnything.Parsing;

/// <summary>
/// Walks a parsed Markdown document in order and builds its content list, tracking the heading path.
/// </summary>
/// <remarks>An instance builds one document and is not thread-safe.</remarks>
internal sealed partial class MarkdownContentBuilder
{
    private readonly List<ContentItem> _items = [];
    private readonly List<(int Level, string Title)> _headings = [];

    /// <summary>Builds the content list of <paramref name="document"/>.</summary>
    public List<ContentItem> Build(MarkdownDocument document)
    {
        foreach (var block in document)
        {
            Visit(block);
        }

        return _items;
    }

    private IReadOnlyList<string> HeadingPath => _headings.Select(heading => heading.Title).ToArray();

    private void Visit(Block block)
    {
        switch (block)
        {
            case HeadingBlock heading:
                AddHeading(heading);
                break;

            case Table table:
                AddTable(table);
                break;

            case MathBlock math:
                AddEquation(math.Lines.ToString());
                break;

            case FencedCodeBlock fenced when string.Equals(fenced.Info, "math", StringComparison.OrdinalIgnoreCase):
                AddEquation(fenced.Lines.ToString());
                break;

            case CodeBlock code:
                AddText(TextCleaner.RemoveControlCharacters(code.Lines.ToString()).Trim('\n'), TextRole.Code);
                break;

            case HtmlBlock html:
                AddHtml(html);
                break;

            case ParagraphBlock paragraph:
                AddText(InlineText.From(paragraph.Inline), TextRole.Paragraph);
                break;

            case ListItemBlock listItem:
                AddListItem(listItem);
                break;

            case ContainerBlock container:
                // Lists, quotes and link definition groups: their children carry the content.
                foreach (var child in container)
                {
                    Visit(child);
                }

                break;

            default:
                // Thematic breaks and link reference definitions carry no text.
                break;
        }
    }

    private void AddHeading(HeadingBlock heading)
    {
        var title = InlineText.From(heading.Inline);
        if (title.Length == 0)
        {
            return;
        }

        _headings.RemoveAll(open => open.Level >= heading.Level);
        _items.Add(new TextItem(title) { Role = TextRole.Heading, HeadingLevel = heading.Level, HeadingPath = HeadingPath });
        _headings.Add((heading.Level, title));
    }

    private void AddListItem(ListItemBlock listItem)
    {
        // The item's own paragraphs form its text; nested lists, code and tables follow it as items of their own.
        var text = string.Join(' ', listItem.OfType<ParagraphBlock>().Select(paragraph => InlineText.From(paragraph.Inline)));
        AddText(text.Trim(), TextRole.ListItem);

        foreach (var child in listItem.Where(child => child is not ParagraphBlock))
        {
            Visit(child);
        }
    }

    private void AddTable(Table table)
    {
        var rows = new List<List<string>>();
        var headerRowCount = 0;
        foreach (var row in table.OfType<TableRow>())
        {
            if (row.IsHeader && rows.Count == headerRowCount)
            {
                headerRowCount++;
            }

            rows.Add(row.OfType<TableCell>().Select(CellText).ToList());
        }

        if (rows.Count == 0)
        {
            return;
        }

        // Pipe tables may have ragged rows; the content model promises rows of equal width.
        var width = rows.Max(row => row.Count);
        foreach (var row in rows)
        {
            row.AddRange(Enumerable.Repeat(string.Empty, width - row.Count));
        }

        _items.Add(new TableItem(rows) { HeaderRowCount = headerRowCount, HeadingPath = HeadingPath });
    }

    private static string CellText(TableCell cell) =>
        string.Join(' ', cell.OfType<ParagraphBlock>().Select(paragraph => InlineText.From(paragraph.Inline))).Trim();

    private void AddEquation(string latex)
    {
        var text = TextCleaner.RemoveControlCharacters(latex).Trim();
        if (text.Length > 0)
        {
            _items.Add(new EquationItem(text) { Format = "latex", HeadingPath = HeadingPath });
        }
    }

    private void AddHtml(HtmlBlock html)
    {
        if (html.Type == HtmlBlockType.Comment)
        {
            return;
        }

        // Keep the visible text of raw HTML blocks, such as a <summary> line, and drop the markup.
        var withoutComments = HtmlComment().Replace(html.Lines.ToString(), " ");
        var text = WebUtility.HtmlDecode(HtmlTag().Replace(withoutComments, " "));
        AddText(TextCleaner.CollapseWhitespace(TextCleaner.RemoveControlCharacters(text)), TextRole.Paragraph);
    }

    private void AddText(string text, TextRole role)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            _items.Add(new TextItem(text) { Role = role, HeadingPath = HeadingPath });
        }
    }

    [GeneratedRegex("<!--.*?(-->|$)", RegexOptions.Singleline)]
    private static partial Regex HtmlComment();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex HtmlTag();
}
