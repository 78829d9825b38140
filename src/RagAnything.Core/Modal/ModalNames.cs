namespace RagAnything.Modal;

/// <summary>
/// Names the entity that stands for a table, image or equation.
/// </summary>
/// <remarks>
/// The name comes from the caption's label ("Table 2" from "Table 2: Results") or, without a caption, from the page
/// ("Table on page 4"). It is qualified by the document name because such labels repeat across documents, and
/// "Table 2" of one report must not merge with "Table 2" of another.
/// </remarks>
internal static class ModalNames
{
    // A caption label longer than this is a sentence, not a label, so it is cut.
    private const int MaxLabelLength = 60;

    public static string Create(string? caption, string kindLabel, ModalContext context)
    {
        var label = LabelOf(caption) ?? $"{kindLabel} on page {context.PageNumber}";
        return $"{label} ({context.DocumentName})";
    }

    private static string? LabelOf(string? caption)
    {
        if (string.IsNullOrWhiteSpace(caption))
        {
            return null;
        }

        var text = caption.Trim();
        var stop = text.IndexOfAny([':', '\n', '.', '—']);

        // "Fig. 3" keeps its period: a stop right after a short first word is part of the label.
        if (stop is > 0 and <= 4 && text[stop] == '.')
        {
            var next = text.IndexOfAny([':', '\n', '—'], stop + 1);
            stop = next;
        }

        var label = stop > 0 ? text[..stop].Trim() : text;
        return label.Length <= MaxLabelLength ? label : string.Concat(label.AsSpan(0, MaxLabelLength).TrimEnd(), "…");
    }
}
