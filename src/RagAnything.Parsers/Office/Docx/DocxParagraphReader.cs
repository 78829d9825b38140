using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using M = DocumentFormat.OpenXml.Math;

namespace RagAnything.Parsing;

/// <summary>
/// Collects the text, equations, pictures, note references and page breaks of one Word paragraph.
/// </summary>
/// <param name="countRenderedPageBreaks">
/// Whether <c>w:lastRenderedPageBreak</c> advances the page. When false, only explicit page breaks do.
/// </param>
internal sealed class DocxParagraphReader(bool countRenderedPageBreaks)
{
    public DocxParagraphContent Read(Paragraph paragraph)
    {
        var content = new DocxParagraphContent { Properties = paragraph.ParagraphProperties };

        // pageBreakBefore starts the paragraph on a new page, like a break before its first run.
        if (!countRenderedPageBreaks && paragraph.ParagraphProperties?.PageBreakBefore is { } pageBreakBefore && pageBreakBefore.Val?.Value != false)
        {
            content.PageBreaksBefore++;
        }

        Visit(paragraph, content);
        return content;
    }

    private void Visit(OpenXmlElement element, DocxParagraphContent content)
    {
        foreach (var child in element.ChildElements)
        {
            VisitElement(child, content);
        }
    }

    private void VisitElement(OpenXmlElement element, DocxParagraphContent content)
    {
        switch (element)
        {
            case Text text:
                AppendText(content, text.Text);
                break;
            case TabChar or PositionalTab or CarriageReturn:
                content.Text.Append(' ');
                break;
            case Break pageBreak:
                if (pageBreak.Type?.Value == BreakValues.Page && !countRenderedPageBreaks)
                {
                    AddPageBreak(content);
                }
                else
                {
                    content.Text.Append(' ');
                }

                break;
            case LastRenderedPageBreak when countRenderedPageBreaks:
                AddPageBreak(content);
                break;
            case NoBreakHyphen:
                AppendText(content, "-");
                break;
            case SymbolChar symbol:
                AppendSymbol(content, symbol);
                break;
            case M.OfficeMath or M.Paragraph:
                AppendEquation(content, element);
                break;
            case Drawing or Picture:
                content.Drawings.Add(element);
                VisitTextBoxes(element, content);
                break;
            case FootnoteReference footnote when footnote.Id?.Value is { } footnoteId:
                content.NoteReferences.Add((false, footnoteId));
                break;
            case EndnoteReference endnote when endnote.Id?.Value is { } endnoteId:
                content.NoteReferences.Add((true, endnoteId));
                break;
            case DeletedRun or DeletedText or FieldCode or DeletedFieldCode or ParagraphProperties or RunProperties:
                // Tracked deletions and field instructions are not visible text, and properties hold formatting only.
                break;
            case AlternateContent alternate:
                // Choice and Fallback render the same content twice, and Word shows the first choice it understands.
                var chosen = (OpenXmlElement?)alternate.GetFirstChild<AlternateContentChoice>() ?? alternate.GetFirstChild<AlternateContentFallback>();
                if (chosen is not null)
                {
                    Visit(chosen, content);
                }

                break;
            default:
                Visit(element, content);
                break;
        }
    }

    private void VisitTextBoxes(OpenXmlElement drawing, DocxParagraphContent content)
    {
        foreach (var textBox in drawing.Descendants<TextBoxContent>())
        {
            foreach (var paragraph in textBox.Elements<Paragraph>())
            {
                content.Text.Append(' ');
                Visit(paragraph, content);
            }
        }
    }

    private static void AppendText(DocxParagraphContent content, string text)
    {
        content.Text.Append(text);
        if (!string.IsNullOrWhiteSpace(text))
        {
            content.HasPlainText = true;
        }
    }

    private static void AppendSymbol(DocxParagraphContent content, SymbolChar symbol)
    {
        // Symbol fonts such as Wingdings store glyph codes in the private-use area (F000-F0FF), which have no meaning
        // as text, so only real Unicode code points are kept.
        if (symbol.Char?.Value is { } hex
            && int.TryParse(hex, System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var codePoint)
            && codePoint is > 0x1F and < 0xE000)
        {
            AppendText(content, char.ConvertFromUtf32(codePoint));
        }
    }

    private static void AppendEquation(DocxParagraphContent content, OpenXmlElement math)
    {
        var latex = OmmlLatexConverter.Convert(math);
        if (latex.Length == 0)
        {
            return;
        }

        content.Equations.Add(latex);
        content.Text.Append(" $").Append(latex).Append("$ ");
    }

    private static void AddPageBreak(DocxParagraphContent content)
    {
        // A break before any visible text moves the paragraph itself to the next page.
        if (content.HasPlainText || content.Equations.Count > 0)
        {
            content.PageBreaksAfter++;
        }
        else
        {
            content.PageBreaksBefore++;
        }
    }
}
