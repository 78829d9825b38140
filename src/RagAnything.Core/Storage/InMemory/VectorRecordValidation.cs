using RagAnything.Storage.Vectors;

namespace RagAnything.Storage.InMemory;

/// <summary>Checks vectors against the dimension of their collection before anything is written.</summary>
internal static class VectorRecordValidation
{
    public static void Validate(IReadOnlyList<VectorRecord> records, VectorCollectionInfo info)
    {
        for (int i = 0; i < records.Count; i++)
        {
            VectorRecord record = records[i] ?? throw new ArgumentException($"Record {i} is null.", nameof(records));
            ArgumentException.ThrowIfNullOrEmpty(record.Id, nameof(records));
            ArgumentNullException.ThrowIfNull(record.DocumentId, nameof(records));
            if (record.Vector.Length != info.Dimension)
            {
                throw new ArgumentException(
                    $"Vector '{record.Id}' has {record.Vector.Length} elements, but collection '{info.Name}' " +
                    $"holds {info.Dimension}-dimensional vectors.",
                    nameof(records));
            }
        }
    }

    public static void ValidateQuery(ReadOnlyMemory<float> query, VectorCollectionInfo info)
    {
        if (query.Length != info.Dimension)
        {
            throw new ArgumentException(
                $"The query has {query.Length} elements, but collection '{info.Name}' holds {info.Dimension}-dimensional vectors.",
                nameof(query));
        }
    }
}
