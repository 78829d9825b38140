using AngleSharp.Dom;

namespace RagAnything.Parsing;

/// <summary>
/// Extracts the rendered text of an element for headings, table cells and captions.
/// </summary>
internal static class HtmlText
{
    /// <summary>
    /// Returns the element's text with whitespace collapsed. Block children and line breaks are separated by a space,
    /// so <c>&lt;td&gt;&lt;p&gt;a&lt;/p&gt;&lt;p&gt;b&lt;/p&gt;&lt;/td&gt;</c> reads "a b" rather than "ab".
    /// </summary>
    public static string Of(IElement element)
    {
        var buffer = new HtmlTextBuffer();
        Collect(element, buffer);
        return buffer.Take().Replace('\n', ' ');
    }

    private static void Collect(INode node, HtmlTextBuffer buffer)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText text)
            {
                buffer.Append(text.Data);
                continue;
            }

            if (child is not IElement element)
            {
                continue;
            }

            if (element.LocalName == "math")
            {
                buffer.Separate();
                buffer.Append(MathMLText.Of(element).Text);
                buffer.Separate();
                continue;
            }

            var separates = element.LocalName == "br" || HtmlElements.IsBlock(element.LocalName) || HtmlElements.IsCell(element.LocalName);
            if (separates)
            {
                buffer.Separate();
            }

            Collect(element, buffer);
            if (separates)
            {
                buffer.Separate();
            }
        }
    }
}
