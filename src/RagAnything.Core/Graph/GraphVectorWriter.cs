using RagAnything.Embeddings;
using RagAnything.Storage.Graph;
using RagAnything.Storage.Vectors;

namespace RagAnything.Graph;

/// <summary>
/// Embeds entities (name and description) and relations (keywords, endpoints and description) into the
/// <c>entities</c> and <c>relations</c> vector collections, keyed by node key and edge key.
/// </summary>
/// <remarks>
/// A vector carries the first document of its record as its document id. Removing that document rebuilds the
/// record, which rewrites the vector under a remaining document, so deleting a document's vectors never removes a
/// record that other documents still support.
/// </remarks>
internal sealed class GraphVectorWriter(EmbeddingService embeddings, IVectorStore vectors)
{
    // Matches the micro-batch size most embedding endpoints accept in one request.
    private const int BatchSize = 64;

    // The start of a description says what a record is; embedding the whole merged text would cost far more model
    // time than the chunk it came from while adding little to what the vector matches.
    private const int MaxEmbeddedDescriptionLength = 240;

    public static string EntityText(GraphNode node) => $"{node.Name}\n{Truncate(node.Description)}";

    public static string RelationText(GraphEdge edge) => $"{edge.Keywords}\n{edge.Source} — {edge.Target}\n{Truncate(edge.Description)}";

    public async Task WriteAsync(IReadOnlyList<GraphNode> nodes, IReadOnlyList<GraphEdge> edges, CancellationToken cancellationToken)
    {
        var entityItems = nodes.Select(node => (node.Key, node.DocumentIds.FirstOrDefault() ?? "", EntityText(node))).ToList();
        await WriteCollectionAsync(GraphCollections.Entities, entityItems, cancellationToken).ConfigureAwait(false);

        var relationItems = edges.Select(edge => (edge.Key, edge.DocumentIds.FirstOrDefault() ?? "", RelationText(edge))).ToList();
        await WriteCollectionAsync(GraphCollections.Relations, relationItems, cancellationToken).ConfigureAwait(false);
    }

    public async Task DeleteAsync(IReadOnlyCollection<string> nodeKeys, IReadOnlyCollection<string> edgeKeys, CancellationToken cancellationToken)
    {
        if (nodeKeys.Count > 0)
        {
            await vectors.DeleteAsync(GraphCollections.Entities, nodeKeys, cancellationToken).ConfigureAwait(false);
        }

        if (edgeKeys.Count > 0)
        {
            await vectors.DeleteAsync(GraphCollections.Relations, edgeKeys, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Truncate(string description)
    {
        if (description.Length <= MaxEmbeddedDescriptionLength)
        {
            return description;
        }

        // Never end between the halves of a surrogate pair.
        var length = char.IsHighSurrogate(description[MaxEmbeddedDescriptionLength - 1]) ? MaxEmbeddedDescriptionLength - 1 : MaxEmbeddedDescriptionLength;
        return description[..length];
    }

    private async Task WriteCollectionAsync(string collection, List<(string Id, string DocumentId, string Text)> items, CancellationToken cancellationToken)
    {
        foreach (var batch in items.Chunk(BatchSize))
        {
            var embedded = await embeddings.EmbedAsync(batch.Select(item => item.Text).ToList(), collection, cancellationToken).ConfigureAwait(false);
            var records = batch.Select((item, index) => new VectorRecord(item.Id, item.DocumentId, embedded[index])).ToList();
            await vectors.UpsertAsync(collection, records, cancellationToken).ConfigureAwait(false);
        }
    }
}
