using RagAnything.Content;

namespace RagAnything.Parsing;

/// <summary>
/// An image taken from a page, with its encoded bytes still attached until they are written to the blob store.
/// </summary>
internal sealed record PdfExtractedImage(ImageItem Item, byte[] Bytes, double Area);
