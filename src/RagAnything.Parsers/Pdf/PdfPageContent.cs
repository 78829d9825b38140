using RagAnything.Content;

namespace RagAnything.Parsing;

/// <summary>
/// What was read from one page: its items in reading order, the images whose bytes still need storing, and whether
/// the page has a text layer at all.
/// </summary>
internal sealed record PdfPageContent(int PageIndex, List<ContentItem> Items, List<PdfExtractedImage> Images, bool HasTextLayer);
