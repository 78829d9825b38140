using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using RagAnything.Content;

namespace RagAnything.Parsing;

/// <summary>
/// Walks the body of a Word document in order and builds its content list, then appends footnotes and endnotes.
/// </summary>
/// <remarks>
/// Word files carry no fixed pages. When Word saved the file it marked where its last layout broke pages
/// (<c>w:lastRenderedPageBreak</c>), and those marks are used. Without any such mark only explicit page breaks count
/// (<c>w:br w:type="page"</c> and <c>w:pageBreakBefore</c>). Both are approximations: page indexes may drift when the
/// file is laid out with other fonts or page sizes.
/// </remarks>
internal sealed class DocxDocumentReader
{
    private readonly MainDocumentPart _mainPart;
    private readonly OfficeParseContext _context;
    private readonly DocxStyles _styles;
    private readonly DocxParagraphReader _paragraphReader;
    private readonly DocxTableReader _tableReader;
    private readonly DocxContentBuilder _builder;
    private readonly Dictionary<(bool IsEndnote, long Id), int> _notePages = [];

    public DocxDocumentReader(MainDocumentPart mainPart, OfficeParseContext context)
    {
        _mainPart = mainPart;
        _context = context;
        _styles = new DocxStyles(mainPart.StyleDefinitionsPart);

        var body = mainPart.Document?.Body;
        var countRenderedPageBreaks = body?.Descendants<LastRenderedPageBreak>().Any() ?? false;
        _paragraphReader = new DocxParagraphReader(countRenderedPageBreaks);
        _tableReader = new DocxTableReader(_paragraphReader);
        _builder = new DocxContentBuilder(context);
    }

    public (List<ContentItem> Items, int PageCount) Read()
    {
        var body = _mainPart.Document?.Body;
        if (body is not null)
        {
            ReadBlocks(body);
        }

        var pageCount = _builder.PageIndex + 1;
        ReadNotes(_mainPart.FootnotesPart?.Footnotes?.Elements<Footnote>(), isEndnote: false);
        ReadNotes(_mainPart.EndnotesPart?.Endnotes?.Elements<Endnote>(), isEndnote: true);
        return (_builder.Items, pageCount);
    }

    private void ReadBlocks(OpenXmlElement container)
    {
        foreach (var element in container.ChildElements)
        {
            _context.CancellationToken.ThrowIfCancellationRequested();

            switch (element)
            {
                case Paragraph paragraph:
                    ReadParagraph(paragraph);
                    break;
                case Table table:
                    ReadTable(table);
                    break;
                case SdtBlock or SdtContentBlock or CustomXmlBlock:
                    // Content controls and custom XML wrap ordinary paragraphs and tables.
                    ReadBlocks(element);
                    break;
            }
        }
    }

    private void ReadParagraph(Paragraph paragraph)
    {
        var content = _paragraphReader.Read(paragraph);
        _builder.PageIndex += content.PageBreaksBefore;
        RecordNotePages(content);

        var text = DocxText.Normalize(content.Text.ToString());
        var properties = content.Properties;
        if (content.HasPlainText && text.Length > 0)
        {
            var headingLevel = _styles.HeadingLevel(properties);
            if (headingLevel > 0)
            {
                _builder.AddHeading(text, headingLevel);
            }
            else if (_styles.IsCaption(properties) || DocxContentBuilder.LooksLikeCaption(text))
            {
                _builder.AddCaption(text);
            }
            else
            {
                _builder.AddText(text, _styles.IsListItem(properties) ? TextRole.ListItem : TextRole.Paragraph);
            }
        }

        AddObjects(content);
        _builder.PageIndex += content.PageBreaksAfter;
    }

    private void ReadTable(Table table)
    {
        var cellObjects = new List<DocxParagraphContent>();
        var (rows, headerRowCount) = _tableReader.Read(table, cellObjects, _context.CancellationToken);
        if (rows.Count > 0)
        {
            _builder.AddObject(new TableItem(rows) { HeaderRowCount = Math.Min(headerRowCount, rows.Count) }, null);
        }

        // Pictures and equations inside cells follow the table, so that none is lost.
        foreach (var content in cellObjects)
        {
            RecordNotePages(content);
            AddObjects(content);
        }
    }

    /// <summary>Adds the equation items and pictures of a paragraph, after its text.</summary>
    private void AddObjects(DocxParagraphContent content)
    {
        foreach (var equation in content.Equations)
        {
            _builder.Add(new EquationItem(equation) { Format = "latex" });
        }

        foreach (var drawing in content.Drawings)
        {
            DocxDrawingReader.Read(drawing, _mainPart, _context, _builder.AddObject);
        }
    }

    private void RecordNotePages(DocxParagraphContent content)
    {
        foreach (var reference in content.NoteReferences)
        {
            _notePages.TryAdd(reference, _builder.PageIndex);
        }
    }

    /// <summary>Appends notes as footnote items on the page of their first reference.</summary>
    private void ReadNotes(IEnumerable<FootnoteEndnoteType>? notes, bool isEndnote)
    {
        foreach (var note in notes ?? [])
        {
            // Separator notes (the line above the notes) have a type, while real notes have none or "normal".
            if (note.Type is not null && note.Type.Value != FootnoteEndnoteValues.Normal)
            {
                continue;
            }

            var text = DocxText.Normalize(string.Join(" ", note.Elements<Paragraph>().Select(paragraph => _paragraphReader.Read(paragraph).Text.ToString())));
            if (text.Length == 0)
            {
                continue;
            }

            _builder.PageIndex = note.Id?.Value is { } id && _notePages.TryGetValue((isEndnote, id), out var page) ? page : _builder.PageIndex;
            _builder.AddText(text, TextRole.Footnote);
        }
    }
}
