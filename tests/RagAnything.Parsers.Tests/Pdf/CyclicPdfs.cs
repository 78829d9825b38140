namespace RagAnything.Parsers.Tests.Pdf;

/// <summary>
/// Hand-written PDFs whose object graph contains a cycle, each a few hundred bytes. A parser that follows references
/// without remembering where it has been loops forever or overflows the stack on them.
/// </summary>
internal static class CyclicPdfs
{
    private const string TextContent = "BT /F1 12 Tf 72 720 Td (Hello cycle) Tj ET";

    /// <summary>The page tree's root lists itself as its only kid.</summary>
    public static byte[] PageTreeContainsItself() => HandWrittenPdf.Build(
    [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [2 0 R] /Count 1 >>",
    ]);

    /// <summary>Two page-tree nodes list each other as kids, and each names the other as its parent.</summary>
    public static byte[] KidsCycle() => HandWrittenPdf.Build(
    [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 /Parent 3 0 R >>",
        "<< /Type /Pages /Kids [2 0 R] /Count 1 /Parent 2 0 R >>",
    ]);

    /// <summary>A page whose parent chain loops, so inherited attributes such as resources are looked up forever.</summary>
    public static byte[] ParentCycle() => HandWrittenPdf.Build(
    [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 /Parent 4 0 R >>",
        "<< /Type /Page /Parent 2 0 R /Contents 5 0 R >>",
        "<< /Type /Pages /Kids [2 0 R] /Count 1 /Parent 2 0 R >>",
        HandWrittenPdf.Stream(TextContent),
    ]);

    /// <summary>A form XObject that draws itself, so rendering its content recurses without end.</summary>
    public static byte[] SelfDrawingForm() => HandWrittenPdf.Build(
    [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 6 0 R >> /XObject << /Fm1 5 0 R >> >> >>",
        HandWrittenPdf.Stream(TextContent + " /Fm1 Do"),
        HandWrittenPdf.Stream("/Fm1 Do", "/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /XObject << /Fm1 5 0 R >> >> "),
        HandWrittenPdf.Helvetica,
    ]);

    /// <summary>A valid one-page document whose outline items point to each other as next and previous siblings.</summary>
    public static byte[] OutlineLoop() => HandWrittenPdf.Build(
    [
        "<< /Type /Catalog /Pages 2 0 R /Outlines 6 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        HandWrittenPdf.Stream(TextContent),
        HandWrittenPdf.Helvetica,
        "<< /Type /Outlines /First 7 0 R /Last 8 0 R /Count 2 >>",
        "<< /Title (One) /Parent 6 0 R /Next 8 0 R /Prev 8 0 R /First 7 0 R /Dest [3 0 R /Fit] >>",
        "<< /Title (Two) /Parent 6 0 R /Next 7 0 R /Prev 7 0 R /Dest [3 0 R /Fit] >>",
    ]);

    /// <summary>A valid one-page document with the text "Hello cycle", the control case for the others.</summary>
    public static byte[] Valid() => HandWrittenPdf.Build(
    [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        HandWrittenPdf.Stream(TextContent),
        HandWrittenPdf.Helvetica,
    ]);
}
