using UglyToad.PdfPig.Content;

namespace RagAnything.Parsing;

/// <summary>
/// A word with its box in PDF user space (origin bottom left, y upwards), as table detection uses it.
/// </summary>
internal sealed record PdfLayoutWord(Word Word, string Text, double Left, double Right, double Bottom, double Top)
{
    public double Height => Top - Bottom;

    public static PdfLayoutWord From(Word word)
    {
        var box = word.BoundingBox;
        var text = TextCleaner.RemoveControlCharacters(TextCleaner.ExpandLigatures(word.Text)).Trim();
        return new PdfLayoutWord(
            word,
            text,
            Math.Min(box.Left, box.Right),
            Math.Max(box.Left, box.Right),
            Math.Min(box.Bottom, box.Top),
            Math.Max(box.Bottom, box.Top));
    }
}
