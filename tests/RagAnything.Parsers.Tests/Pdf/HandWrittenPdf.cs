using System.Globalization;
using System.Text;

namespace RagAnything.Parsers.Tests.Pdf;

/// <summary>
/// Writes small PDF files from numbered object bodies, with a cross-reference table whose offsets are correct, so a
/// test controls every object and PdfPig reads the structure as written instead of rebuilding it.
/// </summary>
internal static class HandWrittenPdf
{
    /// <summary>Returns the bytes of a PDF whose object n (from 1) has body <c>objects[n - 1]</c>.</summary>
    /// <param name="objects">The object bodies, such as <c>&lt;&lt; /Type /Catalog /Pages 2 0 R &gt;&gt;</c>.</param>
    /// <param name="rootObject">The number of the catalog object.</param>
    public static byte[] Build(IReadOnlyList<string> objects, int rootObject = 1)
    {
        var builder = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(Encoding.Latin1.GetByteCount(builder.ToString()));
            builder.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xrefOffset = Encoding.Latin1.GetByteCount(builder.ToString());
        builder.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            builder.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        builder.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} /Root {rootObject} 0 R >>\nstartxref\n{xrefOffset}\n%%EOF\n");
        return Encoding.Latin1.GetBytes(builder.ToString());
    }

    /// <summary>Returns a content stream object body with a correct <c>/Length</c>.</summary>
    public static string Stream(string content, string extraEntries = "") =>
        $"<< /Length {Encoding.Latin1.GetByteCount(content)} {extraEntries}>>\nstream\n{content}\nendstream";

    /// <summary>A font dictionary for the standard Helvetica font, which needs no embedded font program.</summary>
    public const string Helvetica = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";
}
