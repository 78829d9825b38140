using Google.Protobuf;
using Onnx;

namespace RagAnything.Embeddings.Onnx.Tests.Quantization;

/// <summary>
/// Turns a quantized model back into plain float MatMuls over the dequantized weights <c>q[k, n] × scale[n]</c>, each
/// followed by an Add when the bias was folded into the quantized node.
/// Running it isolates the error of the weight quantization from ONNX Runtime's run-time activation quantization.
/// </summary>
internal static class DequantizedModel
{
    public static byte[] Build(ReadOnlySpan<byte> quantizedModel)
    {
        ModelProto model = ModelProto.Parser.ParseFrom(quantizedModel);
        Dictionary<string, TensorProto> initializers = model.Graph.Initializer.ToDictionary(tensor => tensor.Name, StringComparer.Ordinal);

        for (int i = 0; i < model.Graph.Node.Count; i++)
        {
            NodeProto node = model.Graph.Node[i];
            if (node.OpType != "DynamicQuantizeMatMul")
            {
                continue;
            }

            TensorProto weights = Dequantize(initializers[node.Input[1]], initializers[node.Input[2]], node.Input[1] + "_dequantized");
            model.Graph.Initializer.Add(weights);
            if (node.Input.Count < 5)
            {
                model.Graph.Node[i] = TinyModels.Node("MatMul", node.Name, [node.Input[0], weights.Name], [.. node.Output]);
                continue;
            }

            // A folded bias becomes an Add again, right after the MatMul, so the node order stays topological.
            string product = node.Output[0] + "_dequantized_product";
            model.Graph.Node[i] = TinyModels.Node("MatMul", node.Name, [node.Input[0], weights.Name], [product]);
            model.Graph.Node.Insert(i + 1, TinyModels.Node("Add", node.Name + "_bias", [product, node.Input[4]], [.. node.Output]));
        }

        return model.ToByteArray();
    }

    private static TensorProto Dequantize(TensorProto values, TensorProto scales, string name)
    {
        int columns = (int)values.Dims[1];
        ReadOnlySpan<byte> raw = values.RawData.Span;

        float[] weights = new float[raw.Length];
        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] = (sbyte)raw[i] * scales.FloatData[i % columns];
        }

        return TinyModels.Weight(name, weights, (int)values.Dims[0], columns);
    }
}
