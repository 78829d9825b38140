using RagAnything.Chunking;
using RagAnything.Content;

namespace RagAnything.Modal;

/// <summary>
/// Finds the chunk that contains a table, image or equation, so that the item's entity cites that chunk.
/// </summary>
/// <remarks>
/// The chunker writes each table and image into chunks of the same kind on the same page. The first such chunk that
/// contains the item's caption or first row is its chunk; otherwise the n-th item of a kind on a page takes the n-th
/// chunk of that kind there, which is right unless an earlier table on the page filled several chunks. An item
/// without such a chunk (an image with no text, say) is attached to a chunk that covers its page, else to the
/// document's first chunk.
/// </remarks>
internal sealed class ModalChunkMatcher(IReadOnlyList<Chunk> chunks)
{
    private readonly Dictionary<(ContentKind, int), int> _seen = [];

    public Chunk? Match(ContentItem item)
    {
        if (chunks.Count == 0)
        {
            return null;
        }

        var page = item.PageIndex;
        var sameKind = chunks.Where(chunk => chunk.Kind == item.Kind && chunk.PageStart <= page && page <= chunk.PageEnd).ToList();
        var position = _seen.GetValueOrDefault((item.Kind, page));
        _seen[(item.Kind, page)] = position + 1;

        var signature = Signature(item);
        var containing = signature is null ? null : sameKind.FirstOrDefault(chunk => chunk.Text.Contains(signature, StringComparison.Ordinal));
        if (containing is not null)
        {
            return containing;
        }

        if (sameKind.Count > 0)
        {
            return sameKind[Math.Min(position, sameKind.Count - 1)];
        }

        // Equations usually sit inside flowing text, so any chunk of the page that contains the item comes next.
        var onPage = chunks.Where(chunk => chunk.PageStart <= page && page <= chunk.PageEnd).ToList();
        var mentioning = signature is null ? null : onPage.FirstOrDefault(chunk => chunk.Text.Contains(signature, StringComparison.Ordinal));
        return mentioning ?? onPage.FirstOrDefault() ?? chunks[0];
    }

    private static string? Signature(ContentItem item)
    {
        var text = item switch
        {
            TableItem table when !string.IsNullOrWhiteSpace(table.Caption) => table.Caption,
            TableItem table when table.Rows.Count > table.HeaderRowCount => string.Join(" | ", table.Rows[table.HeaderRowCount]),
            ImageItem image => image.Caption ?? image.AltText ?? image.OcrText,
            EquationItem equation => equation.Text,
            _ => null,
        };

        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }
}
