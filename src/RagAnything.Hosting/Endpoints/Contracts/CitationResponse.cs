using RagAnything.Query;

namespace RagAnything.Hosting.Endpoints.Contracts;

/// <summary>A cited chunk with the document and page it comes from.</summary>
internal sealed record CitationResponse(int Number, string DocumentId, string DocumentName, int? Page, int? PageEnd, string ChunkId, double Score, string Text)
{
    public static CitationResponse From(Citation citation)
        => new(citation.Number, citation.DocumentId, citation.DocumentName, citation.Page, citation.PageEnd, citation.ChunkId, citation.Score, citation.Text);
}
