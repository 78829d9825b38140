namespace RagAnything.Storage.Vectors;

/// <summary>
/// The shape of a vector collection: its name, the vector length and the model that produced the vectors.
/// </summary>
/// <param name="Name">The collection name, such as <c>chunks</c>.</param>
/// <param name="Dimension">The length of every vector in the collection.</param>
/// <param name="ModelId">The id of the embedding model, so that vectors of different models are never mixed.</param>
public sealed record VectorCollectionInfo(string Name, int Dimension, string ModelId);
