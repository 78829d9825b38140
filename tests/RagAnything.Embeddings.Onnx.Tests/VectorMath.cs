using System.Numerics.Tensors;

namespace RagAnything.Embeddings.Onnx.Tests;

internal static class VectorMath
{
    public static double Cosine(ReadOnlyMemory<float> left, ReadOnlyMemory<float> right) =>
        TensorPrimitives.CosineSimilarity(left.Span, right.Span);

    public static double Norm(ReadOnlyMemory<float> vector) => TensorPrimitives.Norm(vector.Span);
}
