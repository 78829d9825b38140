using UglyToad.PdfPig.Content;

namespace RagAnything.Parsing;

/// <summary>
/// Splits words at wide gaps between letters. PdfPig's default word extractor splits at space characters, but many
/// PDFs position words with gaps and no space character at all, which would glue neighbouring words together.
/// </summary>
internal static class WordGapSplitter
{
    /// <summary>
    /// The gap, as a fraction of the font size in points, above which two letters belong to different words.
    /// This is an estimate: word spaces in typeset text are about 0.25 em and shrink to about 0.2 em in justified
    /// lines, while kerning between letters stays well under 0.1 em.
    /// </summary>
    private const double WordGapEm = 0.16;

    /// <summary>Returns the words of <paramref name="words"/> with every wide gap turned into a word break.</summary>
    public static IEnumerable<Word> Split(IEnumerable<Word> words)
    {
        foreach (var word in words)
        {
            if (word.TextOrientation != TextOrientation.Horizontal || word.Letters.Count < 2)
            {
                yield return word;
                continue;
            }

            var start = 0;
            for (var index = 1; index < word.Letters.Count; index++)
            {
                if (IsWordGap(word.Letters[index - 1], word.Letters[index]))
                {
                    yield return new Word(Slice(word.Letters, start, index));
                    start = index;
                }
            }

            yield return start == 0 ? word : new Word(Slice(word.Letters, start, word.Letters.Count));
        }
    }

    private static bool IsWordGap(Letter previous, Letter next)
    {
        var size = Math.Max(previous.PointSize, next.PointSize);
        if (size <= 0)
        {
            size = Math.Max(previous.BoundingBox.Height, next.BoundingBox.Height);
        }

        var gap = next.StartBaseLine.X - previous.EndBaseLine.X;
        return size > 0 && gap > WordGapEm * size;
    }

    private static Letter[] Slice(IReadOnlyList<Letter> letters, int start, int end)
    {
        var slice = new Letter[end - start];
        for (var index = start; index < end; index++)
        {
            slice[index - start] = letters[index];
        }

        return slice;
    }
}
