using RagAnything.Chunking;
using RagAnything.Content;

namespace RagAnything.Parsers.Tests.Pdf;

/// <summary>
/// A chunker that makes one chunk of all text, so pipeline tests of the parse stage need no tokenizer model.
/// </summary>
internal sealed class SingleChunker : IChunker
{
    public IReadOnlyList<Chunk> Chunk(ParsedDocument document, string documentId) =>
    [
        new Chunk
        {
            Id = documentId + "-0",
            DocumentId = documentId,
            Text = string.Join("\n", document.Items.OfType<TextItem>().Select(item => item.Text)),
            TokenCount = 1,
        },
    ];
}
