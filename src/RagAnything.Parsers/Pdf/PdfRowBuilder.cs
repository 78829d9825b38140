namespace RagAnything.Parsing;

/// <summary>
/// Groups a page's words into visual lines by baseline and splits each line into cells.
/// </summary>
internal static class PdfRowBuilder
{
    // A gap wider than this many word heights separates cells. Word spaces are about a quarter of the font size,
    // and table columns are set at least a full em apart.
    private const double CellGapInHeights = 0.9;

    public static List<PdfTextRow> Build(IReadOnlyList<PdfLayoutWord> words, PdfRulingLines rulings)
    {
        var rows = new List<PdfTextRow>();
        var ordered = words.Where(word => word.Text.Length > 0 && word.Height > 0).OrderByDescending(word => word.Bottom).ToList();

        var current = new List<PdfLayoutWord>();
        foreach (var word in ordered)
        {
            // Words belong to the same line when their baselines are within half a word height.
            if (current.Count > 0 && Math.Abs(current[0].Bottom - word.Bottom) > 0.5 * Math.Max(current[0].Height, word.Height))
            {
                rows.Add(CreateRow(current, rulings));
                current = [];
            }

            current.Add(word);
        }

        if (current.Count > 0)
        {
            rows.Add(CreateRow(current, rulings));
        }

        return rows;
    }

    private static PdfTextRow CreateRow(List<PdfLayoutWord> words, PdfRulingLines rulings)
    {
        words.Sort((a, b) => a.Left.CompareTo(b.Left));

        var cells = new List<IReadOnlyList<PdfLayoutWord>>();
        var cell = new List<PdfLayoutWord> { words[0] };
        for (var i = 1; i < words.Count; i++)
        {
            var previous = words[i - 1];
            var word = words[i];
            var gap = word.Left - previous.Right;
            var height = Math.Max(previous.Height, word.Height);
            var splits = gap > CellGapInHeights * height || rulings.HasVerticalBetween(previous.Right, word.Left, word.Bottom, word.Top);
            if (splits)
            {
                cells.Add(cell);
                cell = [];
            }

            cell.Add(word);
        }

        cells.Add(cell);
        return new PdfTextRow(words.ToList(), cells);
    }
}
