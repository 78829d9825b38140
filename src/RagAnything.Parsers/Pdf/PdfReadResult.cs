namespace RagAnything.Parsing;

/// <summary>
/// The outcome of reading a PDF's structure: the pages that could be read, in order, with the document's metadata.
/// </summary>
internal sealed record PdfReadResult(
    int PageCount,
    List<PdfPageContent> Pages,
    int FailedPages,
    Dictionary<string, string> Metadata,
    List<string> Warnings,
    PdfImageBudget ImageBudget);
