namespace RagAnything.Storage.Sqlite.Graph;

/// <summary>
/// The knowledge-graph tables, added to the database by one step of <see cref="SqliteSchema"/>.
/// </summary>
/// <remarks>
/// Sources live in their own tables, one row per node or edge, document and chunk, so that removing a document
/// is an indexed delete by <c>document_id</c>. The <c>ordinal</c> column keeps sources in the order they were written.
/// Edges do not reference nodes, because the contract lets an edge's endpoint be missing.
/// </remarks>
internal static class SqliteGraphSchema
{
    public const string CreateTables =
        """
        CREATE TABLE graph_nodes (
            key TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            type TEXT NOT NULL,
            description TEXT NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE graph_edges (
            key TEXT PRIMARY KEY,
            source TEXT NOT NULL,
            target TEXT NOT NULL,
            keywords TEXT NOT NULL,
            description TEXT NOT NULL,
            weight REAL NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX graph_edges_by_source ON graph_edges (source);
        CREATE INDEX graph_edges_by_target ON graph_edges (target);

        CREATE TABLE graph_node_sources (
            node_key TEXT NOT NULL REFERENCES graph_nodes (key) ON DELETE CASCADE,
            document_id TEXT NOT NULL,
            chunk_id TEXT NOT NULL,
            ordinal INTEGER NOT NULL,
            PRIMARY KEY (node_key, document_id, chunk_id)
        ) WITHOUT ROWID;
        CREATE INDEX graph_node_sources_by_document ON graph_node_sources (document_id);

        CREATE TABLE graph_edge_sources (
            edge_key TEXT NOT NULL REFERENCES graph_edges (key) ON DELETE CASCADE,
            document_id TEXT NOT NULL,
            chunk_id TEXT NOT NULL,
            ordinal INTEGER NOT NULL,
            PRIMARY KEY (edge_key, document_id, chunk_id)
        ) WITHOUT ROWID;
        CREATE INDEX graph_edge_sources_by_document ON graph_edge_sources (document_id);
        """;
}
