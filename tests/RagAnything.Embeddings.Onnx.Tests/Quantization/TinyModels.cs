using Google.Protobuf;
using Onnx;

namespace RagAnything.Embeddings.Onnx.Tests.Quantization;

/// <summary>
/// Builds small ONNX models around one or two MatMul nodes, for cases the bundled model does not contain.
/// </summary>
internal static class TinyModels
{
    /// <summary>Rows of the input X, so outputs have more than one row to compare.</summary>
    public const int BatchRows = 3;

    /// <summary>Y = MatMul(X, W) with X a float input [BatchRows, K] and W a constant [K, N].</summary>
    public static ModelProto MatMulWithWeight(float[] weights, int rows, int columns, WeightStorage storage = WeightStorage.RawData)
    {
        ModelProto model = CreateModel();
        GraphProto graph = model.Graph;
        graph.Input.Add(FloatValue("X", BatchRows, rows));
        graph.Output.Add(FloatValue("Y", BatchRows, columns));
        graph.Initializer.Add(Weight("W", weights, rows, columns, storage));
        graph.Node.Add(Node("MatMul", "matmul", ["X", "W"], ["Y"]));
        return model;
    }

    /// <summary>Y = MatMul(X, Z) where both operands are graph inputs, so nothing is constant.</summary>
    public static ModelProto MatMulOfTwoInputs(int rows, int columns)
    {
        ModelProto model = CreateModel();
        GraphProto graph = model.Graph;
        graph.Input.Add(FloatValue("X", BatchRows, rows));
        graph.Input.Add(FloatValue("Z", rows, columns));
        graph.Output.Add(FloatValue("Y", BatchRows, columns));
        graph.Node.Add(Node("MatMul", "matmul", ["X", "Z"], ["Y"]));
        return model;
    }

    /// <summary>Creates a NodeProto in the default domain.</summary>
    public static NodeProto Node(string opType, string name, string[] inputs, string[] outputs)
    {
        NodeProto node = new() { OpType = opType, Name = name };
        node.Input.Add(inputs);
        node.Output.Add(outputs);
        return node;
    }

    /// <summary>Creates a float tensor description with a fixed shape.</summary>
    public static ValueInfoProto FloatValue(string name, params long[] dims)
    {
        TensorShapeProto shape = new();
        foreach (long dim in dims)
        {
            shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = dim });
        }

        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape } },
        };
    }

    /// <summary>Creates a [rows, columns] float initializer stored as <paramref name="storage"/>.</summary>
    public static TensorProto Weight(string name, float[] values, int rows, int columns, WeightStorage storage = WeightStorage.RawData)
    {
        TensorProto tensor = new() { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        tensor.Dims.Add(rows);
        tensor.Dims.Add(columns);

        switch (storage)
        {
            case WeightStorage.RawData:
                byte[] raw = new byte[values.Length * sizeof(float)];
                Buffer.BlockCopy(values, 0, raw, 0, raw.Length);
                tensor.RawData = ByteString.CopyFrom(raw);
                break;
            case WeightStorage.FloatData:
                tensor.FloatData.Add(values);
                break;
            case WeightStorage.External:
                tensor.DataLocation = TensorProto.Types.DataLocation.External;
                tensor.ExternalData.Add(new StringStringEntryProto { Key = "location", Value = "weights.bin" });
                break;
        }

        return tensor;
    }

    /// <summary>Random weights in [-1, 1) with column n scaled by <paramref name="columnScales"/>[n].</summary>
    public static float[] RandomWeights(int rows, int columns, float[] columnScales, int seed)
    {
        Random random = new(seed);
        float[] values = new float[rows * columns];
        for (int k = 0; k < rows; k++)
        {
            for (int n = 0; n < columns; n++)
            {
                values[(k * columns) + n] = ((random.NextSingle() * 2f) - 1f) * columnScales[n];
            }
        }

        return values;
    }

    private static ModelProto CreateModel()
    {
        ModelProto model = new() { IrVersion = 8, ProducerName = "RagAnything.Tests", Graph = new GraphProto { Name = "tiny" } };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = string.Empty, Version = 13 });
        return model;
    }
}
