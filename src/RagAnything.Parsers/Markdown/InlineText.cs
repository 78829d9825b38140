using System.Text;
using Markdig.Syntax.Inlines;

namespace RagAnything.Parsing;

/// <summary>
/// Flattens Markdown inline content to its visible text: emphasis and code marks, link targets, images and
/// inline HTML are dropped.
/// </summary>
internal static class InlineText
{
    /// <summary>Returns the visible text of <paramref name="inline"/> with whitespace collapsed.</summary>
    public static string From(ContainerInline? inline)
    {
        if (inline is null)
        {
            return string.Empty;
        }

        var builder = new StringBuilder();
        AppendChildren(builder, inline);
        return TextCleaner.CollapseWhitespace(TextCleaner.RemoveControlCharacters(builder.ToString()));
    }

    private static void AppendChildren(StringBuilder builder, ContainerInline container)
    {
        foreach (var child in container)
        {
            Append(builder, child);
        }
    }

    private static void Append(StringBuilder builder, Inline inline)
    {
        switch (inline)
        {
            case LiteralInline literal:
                builder.Append(literal.Content.ToString());
                break;

            case CodeInline code:
                builder.Append(code.Content);
                break;

            case LineBreakInline:
                builder.Append(' ');
                break;

            case HtmlEntityInline entity:
                builder.Append(entity.Transcoded.ToString());
                break;

            case AutolinkInline autolink:
                // An autolink shows its address as its text, so the address is the visible text here.
                builder.Append(autolink.Url);
                break;

            case LinkInline { IsImage: true }:
                // Images are not text; badges and pictures inside paragraphs would only add noise.
                break;

            case ContainerInline container:
                AppendChildren(builder, container);
                break;

            default:
                // Inline HTML, including comments, carries no visible text of its own.
                break;
        }
    }
}
