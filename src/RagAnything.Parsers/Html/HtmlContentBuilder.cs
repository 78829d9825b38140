using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using RagAnything.Content;

namespace RagAnything.Parsing;

/// <summary>
/// Walks the body of a cleaned HTML document in order and builds its content list, tracking the heading path.
/// </summary>
/// <remarks>
/// Inline content collects into one text item per block. Images and formulas found inside a block are emitted right
/// after that block's text, so a paragraph is never split around them. An instance builds one document and is not
/// thread-safe.
/// </remarks>
internal sealed class HtmlContentBuilder
{
    private readonly List<ContentItem> _items = [];
    private readonly List<(int Level, string Title)> _headings = [];
    private readonly HtmlTextBuffer _text = new();
    private readonly List<ContentItem> _pendingItems = [];
    private readonly CancellationToken _cancellationToken;
    private TextRole _role = TextRole.Paragraph;
    private string? _figureCaption;
    private bool _figureCaptionUsed;

    public HtmlContentBuilder(CancellationToken cancellationToken)
    {
        _cancellationToken = cancellationToken;
    }

    /// <summary>Gets how many tables were cut at <see cref="HtmlTableReader.MaxCells"/>.</summary>
    public int TruncatedTableCount { get; private set; }

    public List<ContentItem> Build(IElement body)
    {
        VisitChildren(body);
        Flush();
        return _items;
    }

    private IReadOnlyList<string> HeadingPath => _headings.Select(heading => heading.Title).ToArray();

    private void VisitChildren(INode node)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText text)
            {
                _text.Append(text.Data);
            }
            else if (child is IElement element)
            {
                Visit(element);
            }
        }
    }

    private void Visit(IElement element)
    {
        var name = element.LocalName;
        var headingLevel = HtmlElements.HeadingLevel(name);
        if (headingLevel > 0)
        {
            AddHeading(element, headingLevel);
            return;
        }

        switch (name)
        {
            case "br":
                _text.AppendLineBreak();
                break;

            case "img":
                AddImage(element);
                break;

            case "math":
                AddEquation(element);
                break;

            case "pre":
                Flush();
                AddText(element.TextContent.Trim('\r', '\n'), TextRole.Code);
                break;

            case "li":
                VisitBlock(element, TextRole.ListItem);
                break;

            case "figure":
                AddFigure(element);
                break;

            case "figcaption":
                // A figure's caption is attached to its image; it becomes text only when nothing used it.
                break;

            case "table" when element is IHtmlTableElement table:
                AddTable(table);
                break;

            default:
                if (HtmlElements.IsIgnored(name))
                {
                    break;
                }

                if (HtmlElements.IsBlock(name))
                {
                    VisitBlock(element, _role);
                }
                else
                {
                    VisitChildren(element);
                }

                break;
        }
    }

    private void VisitBlock(IElement element, TextRole role)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        Flush();

        var outerRole = _role;
        _role = role;
        VisitChildren(element);
        Flush();
        _role = outerRole;
    }

    private void AddHeading(IElement element, int level)
    {
        Flush();
        var title = HtmlText.Of(element);
        if (title.Length == 0)
        {
            return;
        }

        _headings.RemoveAll(open => open.Level >= level);
        _items.Add(new TextItem(title) { Role = TextRole.Heading, HeadingLevel = level, HeadingPath = HeadingPath });
        _headings.Add((level, title));
    }

    private void AddImage(IElement image)
    {
        var altText = NullIfEmpty(TextCleaner.CollapseWhitespace(image.GetAttribute("alt") ?? string.Empty));
        var caption = _figureCaption;
        _figureCaptionUsed |= caption is not null;

        // An image with neither alternative text nor a caption (an icon, a spacer, a tracking pixel) carries nothing to index.
        if (altText is null && caption is null)
        {
            return;
        }

        _pendingItems.Add(new ImageItem
        {
            AltText = altText,
            Caption = caption,
            Width = ParseDimension(image.GetAttribute("width")),
            Height = ParseDimension(image.GetAttribute("height")),
            HeadingPath = HeadingPath,
        });
    }

    private void AddEquation(IElement math)
    {
        var (text, format) = MathMLText.Of(math);
        if (text.Length == 0)
        {
            return;
        }

        var equation = new EquationItem(text) { Format = format, HeadingPath = HeadingPath };
        if (string.Equals(math.GetAttribute("display"), "block", StringComparison.OrdinalIgnoreCase))
        {
            Flush();
            _items.Add(equation);
            return;
        }

        // Inline math stays readable inside its sentence and is also kept as an equation item after the paragraph.
        _text.Separate();
        _text.Append(text);
        _text.Separate();
        _pendingItems.Add(equation);
    }

    private void AddFigure(IElement figure)
    {
        Flush();
        var outerCaption = (_figureCaption, _figureCaptionUsed);
        var captionElement = figure.Children.FirstOrDefault(child => child.LocalName == "figcaption");
        _figureCaption = captionElement is null ? null : NullIfEmpty(HtmlText.Of(captionElement));
        _figureCaptionUsed = false;

        VisitChildren(figure);
        Flush();
        if (_figureCaption is not null && !_figureCaptionUsed)
        {
            AddText(_figureCaption, TextRole.Caption);
        }

        (_figureCaption, _figureCaptionUsed) = outerCaption;
    }

    private void AddTable(IHtmlTableElement element)
    {
        Flush();
        if (IsLayoutTable(element))
        {
            VisitLayoutTable(element);
            return;
        }

        var table = HtmlTableReader.Read(element);
        TruncatedTableCount += table.Truncated ? 1 : 0;
        if (table.Rows.Count == 0)
        {
            return;
        }

        // A table that reduces to one cell is a box around text, so it is read as text.
        if (table.Rows.Count == 1 && table.ColumnCount == 1)
        {
            VisitLayoutTable(element);
            return;
        }

        _items.Add(new TableItem(table.Rows)
        {
            HeaderRowCount = table.HeaderRowCount,
            Caption = table.Caption,
            HeadingPath = HeadingPath,
        });
    }

    /// <summary>
    /// Returns whether a table only arranges other content: it has a presentation role, or it nests another
    /// table, which data tables almost never do.
    /// </summary>
    private static bool IsLayoutTable(IHtmlTableElement table) =>
        table.GetAttribute("role") is "presentation" or "none" ||
        table.Rows.Any(row => row.Cells.Any(cell => cell.QuerySelector("table") is not null));

    private void VisitLayoutTable(IHtmlTableElement table)
    {
        if (table.Caption is not null)
        {
            VisitBlock(table.Caption, TextRole.Caption);
        }

        foreach (var row in table.Rows)
        {
            foreach (var cell in row.Cells)
            {
                // Cells of one row read as one line of text unless they contain blocks of their own.
                _text.Separate();
                VisitChildren(cell);
            }

            Flush();
        }
    }

    private void Flush()
    {
        if (!_text.IsEmpty)
        {
            AddText(_text.Take(), _role);
        }

        _items.AddRange(_pendingItems);
        _pendingItems.Clear();
    }

    private void AddText(string text, TextRole role)
    {
        var cleaned = TextCleaner.RemoveControlCharacters(TextCleaner.NormalizeLineEnds(text));
        if (cleaned.Trim().Length > 0)
        {
            _items.Add(new TextItem(cleaned) { Role = role, HeadingPath = HeadingPath });
        }
    }

    private static int ParseDimension(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var pixels) ? pixels : 0;

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
