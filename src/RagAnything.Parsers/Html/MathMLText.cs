using System.Text;
using AngleSharp.Dom;

namespace RagAnything.Parsing;

/// <summary>
/// Turns a MathML <c>&lt;math&gt;</c> element into text: its TeX annotation or <c>alttext</c> when the page has one,
/// else a linear form such as <c>(a + b)/(2)</c> or <c>x^(2)</c>.
/// </summary>
/// <remarks>
/// The result names its notation as <see cref="Content.EquationItem.Format"/> expects it: <c>latex</c> for TeX and
/// <c>text</c> for the linear form. The MathML markup itself is not kept, because search and chat models read TeX and
/// plain text far better than XML.
/// </remarks>
internal static class MathMLText
{
    private const string TexEncoding = "application/x-tex";

    public static (string Text, string Format) Of(IElement math)
    {
        var tex = math.GetElementsByTagName("annotation")
            .FirstOrDefault(annotation => string.Equals(annotation.GetAttribute("encoding"), TexEncoding, StringComparison.OrdinalIgnoreCase))
            ?.TextContent.Trim();
        if (!string.IsNullOrEmpty(tex))
        {
            return (UnwrapDisplayStyle(tex), "latex");
        }

        var altText = math.GetAttribute("alttext")?.Trim();
        if (!string.IsNullOrEmpty(altText))
        {
            // Authoring tools put TeX in alttext; anything without a backslash command is read as plain text.
            return (UnwrapDisplayStyle(altText), altText.Contains('\\', StringComparison.Ordinal) ? "latex" : "text");
        }

        var builder = new StringBuilder();
        Linearize(math, builder);
        return (TextCleaner.CollapseWhitespace(builder.ToString()), "text");
    }

    /// <summary>Removes the <c>{\displaystyle ...}</c> wrapper that MediaWiki puts around every formula.</summary>
    private static string UnwrapDisplayStyle(string tex)
    {
        const string Prefix = @"{\displaystyle";
        return tex.StartsWith(Prefix, StringComparison.Ordinal) && tex.EndsWith('}') ? tex[Prefix.Length..^1].Trim() : tex;
    }

    private static void Linearize(IElement element, StringBuilder builder)
    {
        var children = element.Children.ToArray();
        switch (element.LocalName)
        {
            case "annotation" or "annotation-xml":
                return;

            case "semantics":
                // The first child is the presentation; the others are annotations.
                if (children.Length > 0)
                {
                    Linearize(children[0], builder);
                }

                return;

            case "mfrac" when children.Length == 2:
                AppendGroup(children[0], builder);
                builder.Append('/');
                AppendGroup(children[1], builder);
                return;

            case "msup" when children.Length == 2:
                Linearize(children[0], builder);
                builder.Append('^');
                AppendGroup(children[1], builder);
                return;

            case "msub" when children.Length == 2:
                Linearize(children[0], builder);
                builder.Append('_');
                AppendGroup(children[1], builder);
                return;

            case "msubsup" when children.Length == 3:
                Linearize(children[0], builder);
                builder.Append('_');
                AppendGroup(children[1], builder);
                builder.Append('^');
                AppendGroup(children[2], builder);
                return;

            case "msqrt":
                builder.Append("sqrt(");
                LinearizeChildren(children, builder);
                builder.Append(')');
                return;

            case "mroot" when children.Length == 2:
                builder.Append("root(");
                Linearize(children[0], builder);
                builder.Append(", ");
                Linearize(children[1], builder);
                builder.Append(')');
                return;

            case "mtr":
                LinearizeChildren(children, builder, separator: ", ");
                builder.Append("; ");
                return;

            case "mi" or "mn" or "mo" or "mtext" or "ms":
                builder.Append(' ').Append(element.TextContent.Trim()).Append(' ');
                return;

            default:
                LinearizeChildren(children, builder);
                return;
        }
    }

    private static void LinearizeChildren(IElement[] children, StringBuilder builder, string? separator = null)
    {
        for (var index = 0; index < children.Length; index++)
        {
            if (separator is not null && index > 0)
            {
                builder.Append(separator);
            }

            Linearize(children[index], builder);
        }
    }

    // Parentheses keep the operand of a fraction or script together once the layout is gone.
    private static void AppendGroup(IElement element, StringBuilder builder)
    {
        builder.Append('(');
        Linearize(element, builder);
        builder.Append(')');
    }
}
