using Microsoft.Extensions.Options;
using RagAnything.Chunking;
using RagAnything.Content;
using RagAnything.Graph;

namespace RagAnything.Core.Tests.Graph;

/// <summary>Small builders shared by the knowledge-graph tests.</summary>
internal static class GraphTestData
{
    public static Chunk Chunk(string text, ContentKind kind = ContentKind.Text, string id = "doc-00000", string documentId = "doc", int page = 0) => new()
    {
        Id = id,
        DocumentId = documentId,
        Text = text,
        Kind = kind,
        PageStart = page,
        PageEnd = page,
    };

    public static IOptions<KnowledgeGraphOptions> Options(Action<KnowledgeGraphOptions>? configure = null)
    {
        var options = new KnowledgeGraphOptions();
        configure?.Invoke(options);
        return Microsoft.Extensions.Options.Options.Create(options);
    }
}
