using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using RagAnything.Storage.Vectors;

namespace RagAnything.Storage.Sqlite;

/// <summary>
/// An <see cref="IVectorStore"/> that stores vectors in the <c>vectors</c> table of a <see cref="SqliteDatabase"/>
/// and searches an exact in-memory index of each collection.
/// </summary>
/// <remarks>
/// <para>
/// Vectors are L2-normalised and stored as BLOBs of little-endian float32 values, so the original magnitudes
/// are not kept. The first search of a collection loads all of its vectors into one contiguous array
/// (4 × dimension bytes per vector); later upserts and deletes through this instance update that array
/// after they commit, and a search is one exact pass over it.
/// </para>
/// <para>
/// NOTE: writes made by another process to the same file are not seen by an index this process has already loaded.
/// Safe for concurrent use within one process.
/// </para>
/// </remarks>
public sealed class SqliteVectorStore : IVectorStore
{
    // Rows are decoded into a buffer of this many vectors before they are copied into the index.
    private const int LoadBatchSize = 1024;

    private readonly SqliteDatabase _database;
    private readonly ConcurrentDictionary<string, VectorCollectionInfo> _collections = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, VectorIndex> _indexes = new(StringComparer.Ordinal);

    /// <summary>Initializes a store over <paramref name="database"/>.</summary>
    public SqliteVectorStore(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <inheritdoc/>
    public async ValueTask EnsureCollectionAsync(VectorCollectionInfo collection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(collection);
        ArgumentException.ThrowIfNullOrEmpty(collection.Name, nameof(collection));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(collection.Dimension, nameof(collection));
        ArgumentNullException.ThrowIfNull(collection.ModelId, nameof(collection));

        VectorCollectionInfo existing = await _database.WriteAsync(
            (connection, transaction, _) =>
            {
                VectorCollectionInfo? stored = ReadCollection(connection, transaction, collection.Name);
                if (stored is not null)
                {
                    return ValueTask.FromResult(stored);
                }

                using SqliteCommand insert = SqliteCommands.Create(
                    connection,
                    transaction,
                    "INSERT INTO vector_collections (name, dimension, model_id) VALUES ($name, $dimension, $model);",
                    "$name",
                    "$dimension",
                    "$model");
                insert.Parameters["$name"].Value = collection.Name;
                insert.Parameters["$dimension"].Value = collection.Dimension;
                insert.Parameters["$model"].Value = collection.ModelId;
                insert.ExecuteNonQuery();
                return ValueTask.FromResult(collection);
            },
            cancellationToken).ConfigureAwait(false);

        if (existing.Dimension != collection.Dimension || !string.Equals(existing.ModelId, collection.ModelId, StringComparison.Ordinal))
        {
            throw new VectorCollectionMismatchException(existing, collection);
        }

        _collections[collection.Name] = existing;
    }

    /// <inheritdoc/>
    public async ValueTask UpsertAsync(string collection, IReadOnlyList<VectorRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(collection);
        ArgumentNullException.ThrowIfNull(records);

        VectorCollectionInfo info = await GetCollectionAsync(collection, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException(
                $"Vector collection '{collection}' does not exist. Call EnsureCollectionAsync before upserting into it.");
        VectorRecordChecks.Validate(records, info);

        // Normalise before taking the write lock, which other writers are waiting for.
        int dimension = info.Dimension;
        float[] normalized = new float[records.Count * dimension];
        for (int i = 0; i < records.Count; i++)
        {
            VectorMath.Normalize(records[i].Vector.Span, normalized.AsSpan(i * dimension, dimension));
        }

        await _database.WithWriterAsync(
            (connection, token) =>
            {
                using (SqliteTransaction transaction = connection.BeginTransaction(deferred: false))
                {
                    WriteRows(connection, transaction, collection, records, normalized, dimension, token);
                    transaction.Commit();
                }

                // Still under the write lock, so no other write can slip between the commit and the index update.
                if (_indexes.TryGetValue(collection, out VectorIndex? index))
                {
                    index.Upsert(records, normalized);
                }

                return ValueTask.FromResult(true);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask DeleteAsync(string collection, IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(collection);
        ArgumentNullException.ThrowIfNull(ids);

        await _database.WithWriterAsync(
            (connection, token) =>
            {
                using (SqliteTransaction transaction = connection.BeginTransaction(deferred: false))
                {
                    using SqliteCommand delete = SqliteCommands.Create(
                        connection, transaction, "DELETE FROM vectors WHERE collection = $collection AND id = $id;", "$collection", "$id");
                    delete.Parameters["$collection"].Value = collection;
                    foreach (string id in ids)
                    {
                        token.ThrowIfCancellationRequested();
                        delete.Parameters["$id"].Value = id;
                        delete.ExecuteNonQuery();
                    }

                    transaction.Commit();
                }

                if (_indexes.TryGetValue(collection, out VectorIndex? index))
                {
                    index.Delete(ids);
                }

                return ValueTask.FromResult(true);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask DeleteDocumentAsync(string documentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documentId);

        await _database.WithWriterAsync(
            (connection, _) =>
            {
                using (SqliteTransaction transaction = connection.BeginTransaction(deferred: false))
                {
                    using SqliteCommand delete = SqliteCommands.Create(
                        connection, transaction, "DELETE FROM vectors WHERE document_id = $document;", "$document");
                    delete.Parameters["$document"].Value = documentId;
                    delete.ExecuteNonQuery();
                    transaction.Commit();
                }

                foreach (VectorIndex index in _indexes.Values)
                {
                    index.DeleteDocument(documentId);
                }

                return ValueTask.FromResult(true);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<VectorMatch>> SearchAsync(
        string collection,
        ReadOnlyMemory<float> query,
        int topK,
        VectorSearchFilter? filter = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(collection);
        ArgumentOutOfRangeException.ThrowIfNegative(topK);

        VectorCollectionInfo? info = await GetCollectionAsync(collection, cancellationToken).ConfigureAwait(false);
        if (info is null)
        {
            return [];
        }

        VectorRecordChecks.ValidateQuery(query, info);
        float[] normalizedQuery = new float[query.Length];
        VectorMath.Normalize(query.Span, normalizedQuery);

        VectorIndex index = await GetOrLoadIndexAsync(info, cancellationToken).ConfigureAwait(false);
        return index.Search(normalizedQuery, topK, filter?.DocumentIds);
    }

    /// <inheritdoc/>
    public ValueTask<long> CountAsync(string collection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(collection);

        return _database.ReadAsync(
            (connection, _) =>
            {
                using SqliteCommand command = SqliteCommands.Create(
                    connection, null, "SELECT COUNT(*) FROM vectors WHERE collection = $collection;", "$collection");
                command.Parameters["$collection"].Value = collection;
                return ValueTask.FromResult((long)command.ExecuteScalar()!);
            },
            cancellationToken);
    }

    private static void WriteRows(
        SqliteConnection connection,
        SqliteTransaction transaction,
        string collection,
        IReadOnlyList<VectorRecord> records,
        float[] normalized,
        int dimension,
        CancellationToken cancellationToken)
    {
        using SqliteCommand upsert = SqliteCommands.Create(
            connection,
            transaction,
            "INSERT INTO vectors (collection, id, document_id, vector) VALUES ($collection, $id, $document, $vector) " +
            "ON CONFLICT (collection, id) DO UPDATE SET document_id = excluded.document_id, vector = excluded.vector;",
            "$collection",
            "$id",
            "$document",
            "$vector");
        upsert.Parameters["$collection"].Value = collection;
        for (int i = 0; i < records.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            upsert.Parameters["$id"].Value = records[i].Id;
            upsert.Parameters["$document"].Value = records[i].DocumentId;
            upsert.Parameters["$vector"].Value = VectorBlob.Encode(normalized.AsSpan(i * dimension, dimension));
            upsert.ExecuteNonQuery();
        }
    }

    private static VectorCollectionInfo? ReadCollection(SqliteConnection connection, SqliteTransaction? transaction, string name)
    {
        using SqliteCommand command = SqliteCommands.Create(
            connection, transaction, "SELECT dimension, model_id FROM vector_collections WHERE name = $name;", "$name");
        command.Parameters["$name"].Value = name;
        using SqliteDataReader reader = command.ExecuteReader();
        return reader.Read() ? new VectorCollectionInfo(name, reader.GetInt32(0), reader.GetString(1)) : null;
    }

    private async ValueTask<VectorCollectionInfo?> GetCollectionAsync(string name, CancellationToken cancellationToken)
    {
        if (_collections.TryGetValue(name, out VectorCollectionInfo? cached))
        {
            return cached;
        }

        // Collections are never dropped, so once found in the file the shape can be cached for good.
        VectorCollectionInfo? stored = await _database.ReadAsync(
            (connection, _) => ValueTask.FromResult(ReadCollection(connection, null, name)),
            cancellationToken).ConfigureAwait(false);
        if (stored is not null)
        {
            _collections[name] = stored;
        }

        return stored;
    }

    private async ValueTask<VectorIndex> GetOrLoadIndexAsync(VectorCollectionInfo info, CancellationToken cancellationToken)
    {
        if (_indexes.TryGetValue(info.Name, out VectorIndex? loaded))
        {
            return loaded;
        }

        // Load under the write lock, so that no write commits between reading the rows and publishing the index.
        return await _database.WithWriterAsync(
            (connection, token) =>
            {
                if (_indexes.TryGetValue(info.Name, out VectorIndex? raced))
                {
                    return ValueTask.FromResult(raced);
                }

                long started = Stopwatch.GetTimestamp();
                VectorIndex index = LoadIndex(connection, info, token);
                _indexes[info.Name] = index;
                Log.VectorIndexLoaded(_database.Logger, info.Name, index.Count, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                return ValueTask.FromResult(index);
            },
            cancellationToken).ConfigureAwait(false);
    }

    private static VectorIndex LoadIndex(SqliteConnection connection, VectorCollectionInfo info, CancellationToken cancellationToken)
    {
        var index = new VectorIndex(info);
        int dimension = info.Dimension;
        var batch = new List<VectorRecord>(LoadBatchSize);
        float[] buffer = new float[LoadBatchSize * dimension];

        using SqliteCommand command = SqliteCommands.Create(
            connection, null, "SELECT id, document_id, vector FROM vectors WHERE collection = $collection;", "$collection");
        command.Parameters["$collection"].Value = info.Name;
        using SqliteDataReader reader = command.ExecuteReader();
        while (reader.Read())
        {
            string id = reader.GetString(0);
            byte[] bytes = reader.GetFieldValue<byte[]>(2);
            VectorBlob.Decode(bytes, buffer.AsSpan(batch.Count * dimension, dimension), info.Name, id);

            // The index copies vectors from the buffer, so the record's own vector is left empty.
            batch.Add(new VectorRecord(id, reader.GetString(1), ReadOnlyMemory<float>.Empty));
            if (batch.Count == LoadBatchSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                index.Upsert(batch, buffer);
                batch.Clear();
            }
        }

        index.Upsert(batch, buffer);
        return index;
    }
}
