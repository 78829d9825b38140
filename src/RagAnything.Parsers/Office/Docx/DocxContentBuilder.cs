using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using RagAnything.Content;

namespace RagAnything.Parsing;

/// <summary>
/// Collects a Word document's content list: keeps the heading path, and attaches caption paragraphs to the picture or
/// table right before or after them.
/// </summary>
internal sealed partial class DocxContentBuilder(OfficeParseContext context)
{
    private readonly List<(int Level, string Text)> _headings = [];
    private int? _pendingCaptionIndex;

    public List<ContentItem> Items { get; } = [];

    public int PageIndex { get; set; }

    public IReadOnlyList<string> HeadingPath => _headings.Select(heading => heading.Text).ToArray();

    public void AddHeading(string text, int level)
    {
        while (_headings.Count > 0 && _headings[^1].Level >= level)
        {
            _headings.RemoveAt(_headings.Count - 1);
        }

        Add(new TextItem(text) { Role = TextRole.Heading, HeadingLevel = level });
        _headings.Add((level, text));
    }

    public void AddText(string text, TextRole role) => Add(new TextItem(text) { Role = role });

    /// <summary>Adds a caption paragraph: to the picture or table just before it, or kept until the next one.</summary>
    public void AddCaption(string text)
    {
        if (Items.Count > 0 && TryAttachCaption(Items.Count - 1, text))
        {
            return;
        }

        Add(new TextItem(text) { Role = TextRole.Caption });
        _pendingCaptionIndex = Items.Count - 1;
    }

    /// <summary>Adds a picture, chart or table item, taking the caption paragraph right before it when one waits.</summary>
    public void AddObject(ContentItem item, OpenXmlPart? imagePart)
    {
        var positioned = item with { PageIndex = PageIndex, HeadingPath = HeadingPath };
        var countBefore = Items.Count;
        if (positioned is ImageItem image)
        {
            context.AddImage(Items, image, imagePart);
        }
        else
        {
            Items.Add(positioned);
        }

        if (Items.Count == countBefore)
        {
            // The image limit was reached and the picture was skipped.
            return;
        }

        if (_pendingCaptionIndex is { } captionIndex && captionIndex == Items.Count - 2 && Items[captionIndex] is TextItem caption)
        {
            Items.RemoveAt(captionIndex);
            if (!TryAttachCaption(Items.Count - 1, caption.Text))
            {
                Items.Insert(captionIndex, caption);
            }
        }

        _pendingCaptionIndex = null;
    }

    public void Add(ContentItem item)
    {
        Items.Add(item with { PageIndex = PageIndex, HeadingPath = HeadingPath });
        _pendingCaptionIndex = null;
    }

    public static bool LooksLikeCaption(string text) => CaptionPattern().IsMatch(text);

    /// <summary>
    /// Sets the caption of the item at <paramref name="index"/> when it has none and the caption fits it: "Table N"
    /// captions go to tables, "Figure N" captions to pictures, and other captions to either.
    /// </summary>
    private bool TryAttachCaption(int index, string text)
    {
        var isTableCaption = text.StartsWith("Table", StringComparison.OrdinalIgnoreCase);
        var isFigureCaption = text.StartsWith("Fig", StringComparison.OrdinalIgnoreCase);
        switch (Items[index])
        {
            case ImageItem { Caption: null } image when !isTableCaption:
                Items[index] = image with { Caption = text };
                return true;
            case TableItem { Caption: null } table when !isFigureCaption:
                Items[index] = table with { Caption = text };
                return true;
            default:
                return false;
        }
    }

    [GeneratedRegex(@"^(Figure|Fig\.|Table)\s*\d+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CaptionPattern();
}
