using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace RagAnything.Parsing;

/// <summary>
/// Answers the structural questions that a paragraph style decides: heading level, list membership and caption.
/// </summary>
/// <remarks>
/// Styles inherit through <c>w:basedOn</c>, so each question walks the chain up to <see cref="MaxInheritanceDepth"/>
/// styles, which also stops a cyclic chain in a damaged file.
/// </remarks>
internal sealed class DocxStyles
{
    private const int MaxInheritanceDepth = 16;

    private readonly Dictionary<string, Style> _styles = new(StringComparer.OrdinalIgnoreCase);
    private readonly string? _defaultParagraphStyleId;

    public DocxStyles(StyleDefinitionsPart? part)
    {
        foreach (var style in part?.Styles?.Elements<Style>() ?? [])
        {
            if (style.StyleId?.Value is { } id)
            {
                _styles.TryAdd(id, style);
                if (style.Type?.Value == StyleValues.Paragraph && style.Default?.Value == true)
                {
                    _defaultParagraphStyleId = id;
                }
            }
        }
    }

    /// <summary>Returns the heading level (1 to 9) of a paragraph, or 0 for body text.</summary>
    /// <remarks>
    /// The paragraph's own <c>w:outlineLvl</c> wins. Next come the style chain's outline level and then a style named
    /// <c>heading N</c> or with id <c>HeadingN</c>. <c>Title</c> counts as level 1, the same as Heading 1.
    /// </remarks>
    public int HeadingLevel(ParagraphProperties? properties)
    {
        var ownLevel = properties?.OutlineLevel?.Val?.Value;
        if (ownLevel is not null)
        {
            return ToHeadingLevel(ownLevel.Value);
        }

        foreach (var style in Chain(properties))
        {
            if (style.StyleParagraphProperties?.OutlineLevel?.Val?.Value is { } styleLevel)
            {
                return ToHeadingLevel(styleLevel);
            }

            var named = LevelFromName(style.StyleId?.Value) ?? LevelFromName(style.StyleName?.Val?.Value?.Replace(" ", string.Empty, StringComparison.Ordinal));
            if (named is not null)
            {
                return named.Value;
            }
        }

        return 0;
    }

    /// <summary>Returns whether the paragraph is numbered or bulleted, directly or through its style.</summary>
    public bool IsListItem(ParagraphProperties? properties)
    {
        if (properties?.NumberingProperties is { } numbering)
        {
            // numId 0 explicitly removes the numbering that a style would give.
            return numbering.NumberingId?.Val?.Value is not 0;
        }

        return Chain(properties).Any(style => style.StyleParagraphProperties?.NumberingProperties?.NumberingId?.Val?.Value is > 0);
    }

    /// <summary>Returns whether the paragraph has the built-in Caption style or a style based on it.</summary>
    public bool IsCaption(ParagraphProperties? properties) =>
        Chain(properties).Any(style =>
            string.Equals(style.StyleId?.Value, "Caption", StringComparison.OrdinalIgnoreCase)
            || string.Equals(style.StyleName?.Val?.Value, "caption", StringComparison.OrdinalIgnoreCase));

    private IEnumerable<Style> Chain(ParagraphProperties? properties)
    {
        var id = properties?.ParagraphStyleId?.Val?.Value ?? _defaultParagraphStyleId;
        for (var depth = 0; id is not null && depth < MaxInheritanceDepth; depth++)
        {
            if (!_styles.TryGetValue(id, out var style))
            {
                yield break;
            }

            yield return style;
            id = style.BasedOn?.Val?.Value;
        }
    }

    // w:outlineLvl counts from 0, and level 9 means body text.
    private static int ToHeadingLevel(int outlineLevel) => outlineLevel is >= 0 and <= 8 ? outlineLevel + 1 : 0;

    private static int? LevelFromName(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        if (string.Equals(name, "Title", StringComparison.OrdinalIgnoreCase))
        {
            return 1;
        }

        if (name.StartsWith("Heading", StringComparison.OrdinalIgnoreCase)
            && int.TryParse(name.AsSpan("Heading".Length), out var level) && level is >= 1 and <= 9)
        {
            return level;
        }

        return null;
    }
}
