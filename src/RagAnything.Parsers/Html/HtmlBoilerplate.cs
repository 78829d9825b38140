using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace RagAnything.Parsing;

/// <summary>
/// Removes what is not the page's content from a parsed HTML document: scripts and styles, hidden elements, site
/// navigation, banners and footers, and the chrome of MediaWiki pages such as Wikipedia's.
/// </summary>
internal static partial class HtmlBoilerplate
{
    /// <summary>Elements that never hold visible content.</summary>
    private const string NonContent = "script, style, noscript, template, head";

    /// <summary>Landmarks that hold site navigation rather than the page's content.</summary>
    private const string Navigation =
        "nav, aside, [role=navigation], [role=banner], [role=contentinfo], [role=search], [role=complementary], dialog";

    /// <summary>
    /// MediaWiki chrome: skip links, the table of contents, edit links, navigation boxes, reference lists, citation
    /// markers, category links and the skin's menus and toolbars. Infoboxes are kept and read as tables.
    /// </summary>
    private const string MediaWikiChrome =
        ".mw-jump-link, #toc, .toc, .vector-toc, .mw-editsection, .navbox, .navbox-styles, .vertical-navbox, " +
        ".reflist, .references, .mw-references-wrap, sup.reference, .mw-cite-backlink, .catlinks, .printfooter, " +
        "#siteSub, #contentSub, #jump-to-nav, .mw-indicators, .vector-page-toolbar, .vector-menu, .vector-dropdown, " +
        ".vector-header, .vector-column-start, .vector-column-end, .vector-sticky-header, .mw-footer, #mw-navigation, " +
        ".noprint, .mw-empty-elt, .sistersitebox, .side-box, .metadata, .navigation-not-searchable, .authority-control, " +
        ".mwe-math-fallback-image-inline, .mwe-math-fallback-image-display, .portal-bar";

    public static void Remove(IDocument document)
    {
        RemoveAll(document.QuerySelectorAll(NonContent));
        RemoveAll(document.QuerySelectorAll(Navigation));
        RemoveAll(document.QuerySelectorAll(MediaWikiChrome));
        RemoveAll(document.QuerySelectorAll("header, footer").Where(IsPageLevel));
        RemoveAll(document.QuerySelectorAll("*").Where(IsHidden));
    }

    /// <summary>
    /// Returns whether a header or footer belongs to the page rather than to its content. As in the HTML accessibility
    /// mapping, one inside <c>main</c>, <c>article</c> or <c>section</c> is the content's own header (it often contains
    /// the title) and is kept.
    /// </summary>
    private static bool IsPageLevel(IElement element) =>
        element.Closest("main, article, section, [role=main]") is null;

    private static bool IsHidden(IElement element)
    {
        if (element.HasAttribute("hidden") ||
            string.Equals(element.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase) ||
            (element.LocalName == "input" && string.Equals(element.GetAttribute("type"), "hidden", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        var style = element.GetAttribute("style");
        return style is not null && HiddenStyle().IsMatch(style);
    }

    private static void RemoveAll(IEnumerable<IElement> elements)
    {
        // The matches are materialised first because removing an element while enumerating a live query skips nodes.
        foreach (var element in elements.ToList())
        {
            element.Remove();
        }
    }

    [GeneratedRegex(@"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenStyle();
}
