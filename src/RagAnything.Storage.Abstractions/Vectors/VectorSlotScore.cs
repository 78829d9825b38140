namespace RagAnything.Storage.Vectors;

/// <summary>
/// One result of <see cref="VectorMath.TopK"/>: the position of a vector in the scanned array and its score.
/// </summary>
/// <param name="Slot">The index of the vector in the array, counted in vectors, not floats.</param>
/// <param name="Score">The dot product with the query, which is the cosine similarity for normalised vectors.</param>
public readonly record struct VectorSlotScore(int Slot, float Score);
