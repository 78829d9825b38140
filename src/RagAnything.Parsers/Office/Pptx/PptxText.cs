using System.Text;
using DocumentFormat.OpenXml;
using A = DocumentFormat.OpenXml.Drawing;

namespace RagAnything.Parsing;

/// <summary>
/// Reads the text of DrawingML paragraphs (<c>a:p</c>) and decides whether a paragraph is a bullet.
/// </summary>
internal static class PptxText
{
    public static string ParagraphText(A.Paragraph paragraph)
    {
        var builder = new StringBuilder();
        foreach (var child in paragraph.ChildElements)
        {
            switch (child)
            {
                case A.Run run:
                    builder.Append(run.Text?.Text);
                    break;
                case A.Field field:
                    builder.Append(field.Text?.Text);
                    break;
                case A.Break:
                    builder.Append(' ');
                    break;
                default:
                    // Math in slides (a14:m) and other extensions keep their text in descendants.
                    if (child is not A.ParagraphProperties and not A.EndParagraphRunProperties)
                    {
                        builder.Append(child.Descendants<A.Text>().Aggregate(new StringBuilder(), (text, item) => text.Append(item.Text)));
                    }

                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Returns whether a paragraph shows a bullet or number: an explicit <c>a:buChar</c> or <c>a:buAutoNum</c>, or,
    /// in a body placeholder whose master bullets the slide inherits, any paragraph without <c>a:buNone</c>.
    /// </summary>
    public static bool IsBullet(A.Paragraph paragraph, bool inheritsBullets)
    {
        var properties = paragraph.ParagraphProperties;
        if (properties?.GetFirstChild<A.NoBullet>() is not null)
        {
            return false;
        }

        if (properties?.GetFirstChild<A.CharacterBullet>() is not null || properties?.GetFirstChild<A.AutoNumberedBullet>() is not null)
        {
            return true;
        }

        return inheritsBullets;
    }
}
