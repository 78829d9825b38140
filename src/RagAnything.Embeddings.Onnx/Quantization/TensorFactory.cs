using Onnx;

namespace RagAnything.Embeddings.Onnx.Quantization;

/// <summary>
/// Builds the small constant tensors and nodes that the quantizer adds to a graph.
/// </summary>
internal static class TensorFactory
{
    /// <summary>Builds a float initializer with the given dimensions.</summary>
    public static TensorProto Float(string name, float[] values, params long[] dims)
    {
        TensorProto tensor = new() { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        tensor.Dims.Add(dims);

        // float_data is written through the protobuf library, so it stays correct on big-endian hosts, where raw_data would not.
        tensor.FloatData.Add(values);
        return tensor;
    }

    /// <summary>Builds a 1-D int64 initializer.</summary>
    public static TensorProto Int64(string name, IEnumerable<long> values)
    {
        TensorProto tensor = new() { Name = name, DataType = (int)TensorProto.Types.DataType.Int64 };
        tensor.Int64Data.Add(values);
        tensor.Dims.Add(tensor.Int64Data.Count);
        return tensor;
    }

    /// <summary>Builds a node of the default ONNX domain.</summary>
    public static NodeProto Node(string opType, string name, IEnumerable<string> inputs, string output)
    {
        NodeProto node = new() { OpType = opType, Name = name };
        node.Input.Add(inputs);
        node.Output.Add(output);
        return node;
    }
}
