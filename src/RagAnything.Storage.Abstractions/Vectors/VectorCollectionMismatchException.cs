namespace RagAnything.Storage.Vectors;

/// <summary>
/// Thrown when a collection is opened with a dimension or model other than the one it was created with.
/// </summary>
public sealed class VectorCollectionMismatchException : InvalidOperationException
{
    /// <summary>Initializes a new instance with the stored and the requested collection shapes.</summary>
    public VectorCollectionMismatchException(VectorCollectionInfo existing, VectorCollectionInfo requested)
        : base($"Vector collection '{existing.Name}' holds {existing.Dimension}-dimensional vectors of model '{existing.ModelId}', " +
               $"but {requested.Dimension}-dimensional vectors of model '{requested.ModelId}' were requested. " +
               "Use a new store or re-ingest the documents with the original model.")
    {
        Existing = existing;
        Requested = requested;
    }

    /// <summary>Gets the shape the collection was created with.</summary>
    public VectorCollectionInfo Existing { get; }

    /// <summary>Gets the shape that was requested.</summary>
    public VectorCollectionInfo Requested { get; }
}
