using System.Numerics.Tensors;

namespace RagAnything.Embeddings.Onnx.Internal;

/// <summary>
/// Attention-masked mean pooling followed by L2 normalisation, as sentence-transformers computes sentence vectors
/// for all-MiniLM-L6-v2 and similar models.
/// </summary>
internal static class MeanPooling
{
    /// <param name="hiddenState">Token states of shape [batch, sequenceLength, hidden], row-major.</param>
    /// <param name="sequences">The unpadded token ids of each row. Only their positions are averaged.</param>
    /// <param name="sequenceLength">The padded length of every row.</param>
    /// <param name="hidden">The length of one token state.</param>
    public static float[][] PoolAndNormalize(ReadOnlySpan<float> hiddenState, IReadOnlyList<IReadOnlyList<int>> sequences, int sequenceLength, int hidden)
    {
        var vectors = new float[sequences.Count][];

        for (int row = 0; row < sequences.Count; row++)
        {
            var vector = new float[hidden];
            int tokenCount = sequences[row].Count;

            // Real tokens fill the front of each row and padding the rest, so the mask is the prefix of tokenCount positions.
            var rowStates = hiddenState.Slice(row * sequenceLength * hidden, tokenCount * hidden);
            for (int position = 0; position < tokenCount; position++)
            {
                TensorPrimitives.Add(vector, rowStates.Slice(position * hidden, hidden), vector);
            }

            TensorPrimitives.Divide(vector, tokenCount, vector);

            // sentence-transformers divides by max(norm, 1e-12), so a zero vector stays zero instead of becoming NaN.
            float norm = MathF.Max(TensorPrimitives.Norm<float>(vector), 1e-12f);
            TensorPrimitives.Divide(vector, norm, vector);

            vectors[row] = vector;
        }

        return vectors;
    }
}
