namespace RagAnything.Parsing;

/// <summary>
/// Groups of HTML element names by how the content builder treats them.
/// </summary>
internal static class HtmlElements
{
    /// <summary>Elements that start a new block of text, following the block-level elements of the HTML rendering section.</summary>
    private static readonly HashSet<string> Blocks = new(StringComparer.Ordinal)
    {
        "address", "article", "blockquote", "body", "center", "dd", "details", "dialog", "dir", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup",
        "hr", "legend", "li", "listing", "main", "menu", "nav", "ol", "p", "plaintext", "pre", "search", "section",
        "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "xmp", "caption",
    };

    /// <summary>Elements whose content is not rendered as text: media, embedded documents and form controls.</summary>
    private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal)
    {
        "audio", "button", "canvas", "embed", "iframe", "input", "map", "meter", "object", "option", "optgroup",
        "progress", "select", "source", "svg", "textarea", "track", "video", "head", "link", "meta", "base",
    };

    public static bool IsBlock(string localName) => Blocks.Contains(localName);

    public static bool IsIgnored(string localName) => Ignored.Contains(localName);

    public static bool IsCell(string localName) => localName is "td" or "th";

    /// <summary>Returns the level of a heading element (1 for h1), or 0 for other elements.</summary>
    public static int HeadingLevel(string localName) =>
        localName.Length == 2 && localName[0] == 'h' && localName[1] is >= '1' and <= '6' ? localName[1] - '0' : 0;
}
