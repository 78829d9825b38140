using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Onnx;
using RagAnything.Embeddings.Onnx.Quantization;

namespace RagAnything.Embeddings.Onnx.Tests.Quantization;

/// <summary>
/// Smoothing, float outlier channels and bias folding on a tiny BERT-like model: token ids select rows of an
/// embedding table, which a MatMul with a bias projects.
/// </summary>
public sealed class CalibratedQuantizationTests
{
    private const int VocabularySize = 32;
    private const int Hidden = 64;
    private const int Columns = 16;

    // Channel 5 is 40 times larger than the rest on every token, which smoothing evens out. Channel 9 is 200 on
    // token 7 only, which smoothing cannot fix, so it is the one channel multiplied in float.
    private const int WideChannel = 5;
    private const int OutlierChannel = 9;
    private const int OutlierToken = 7;

    private static readonly int[] Sequence = [1, 4, OutlierToken, 12, 19, 25, 30, 2];

    [Fact]
    public void Quantize_SmoothedAndSplit_BeatsPlainQuantization()
    {
        byte[] model = BuildModel().ToByteArray();
        QuantizationOptions options = CreateOptions();

        QuantizationResult treated = new OnnxDynamicQuantizer(options).Quantize(model);
        QuantizationResult plain = new OnnxDynamicQuantizer().Quantize(model);

        float[] expected = Run(model, Sequence);
        double treatedError = RelativeError(Run(treated.Model.ToArray(), Sequence), expected);
        double plainError = RelativeError(Run(plain.Model.ToArray(), Sequence), expected);
        Assert.True(treatedError < 0.01, $"Relative error with smoothing and a float outlier channel is {treatedError:F4}, expected below 0.01.");
        Assert.True(treatedError < plainError / 4, $"Relative error {treatedError:F4} is not well below the {plainError:F4} of plain quantization.");
    }

    [Fact]
    public void Quantize_OutlierChannel_IsTheLargestOne()
    {
        QuantizationOptions options = CreateOptions();

        QuantizationResult result = new OnnxDynamicQuantizer(options).Quantize(BuildModel().ToByteArray());

        ModelProto output = ModelProto.Parser.ParseFrom(result.Model.Span);
        NodeProto gather = Assert.Single(output.Graph.Node, node => node.OpType == "Gather" && node.Input[0] == "X");
        TensorProto indices = output.Graph.Initializer.Single(tensor => tensor.Name == gather.Input[1]);
        Assert.Equal([(long)OutlierChannel], indices.Int64Data);
    }

    [Fact]
    public void Quantize_BiasAdd_IsFolded()
    {
        QuantizationResult result = new OnnxDynamicQuantizer().Quantize(BuildModel().ToByteArray());

        ModelProto output = ModelProto.Parser.ParseFrom(result.Model.Span);
        NodeProto quantized = Assert.Single(output.Graph.Node, node => node.OpType == "DynamicQuantizeMatMul");
        Assert.DoesNotContain(output.Graph.Node, node => node.OpType == "Add");
        Assert.Equal(["X", "W_int8", "W_scale", string.Empty, "B"], quantized.Input);
        Assert.Equal(["Y"], quantized.Output);
    }

    [Fact]
    public void Quantize_BiasReadTwice_IsNotFolded()
    {
        ModelProto model = BuildModel();
        model.Graph.Node.Add(TinyModels.Node("Identity", "keep_product", ["P"], ["P_copy"]));
        model.Graph.Output.Add(TinyModels.FloatValue("P_copy", 1, Sequence.Length, Columns));

        QuantizationResult result = new OnnxDynamicQuantizer().Quantize(model.ToByteArray());

        ModelProto output = ModelProto.Parser.ParseFrom(result.Model.Span);
        Assert.Single(output.Graph.Node, node => node.OpType == "Add");
        Assert.Equal(3, output.Graph.Node.Single(node => node.OpType == "DynamicQuantizeMatMul").Input.Count);
    }

    // Both block sizes split the 64 channels, so the block with the planted 200 is not the whole row.
    [Theory]
    [InlineData(16)]
    [InlineData(32)]
    public void Quantize_MatMulNBits_BeatsPerTensorScale(int blockSize)
    {
        byte[] model = BuildModel().ToByteArray();
        QuantizationOptions options = new() { Operator = QuantizedOperator.MatMulNBits, BlockSize = blockSize };

        QuantizationResult result = new OnnxDynamicQuantizer(options).Quantize(model);

        ModelProto output = ModelProto.Parser.ParseFrom(result.Model.Span);
        NodeProto quantized = Assert.Single(output.Graph.Node, node => node.OpType == "MatMulNBits");
        Assert.Equal("com.microsoft", quantized.Domain);
        Assert.Equal(["X", "W_int8", "W_scale", string.Empty, string.Empty, "B"], quantized.Input);
        Assert.Equal([(long)Columns, (Hidden + blockSize - 1) / blockSize, blockSize], output.Graph.Initializer.Single(tensor => tensor.Name == "W_int8").Dims);

        // A planted outlier only coarsens the activation block it sits in, so blocks beat one scale for the whole
        // tensor without any calibration. The 200 still costs its own block some precision.
        float[] expected = Run(model, Sequence);
        double error = RelativeError(Run(result.Model.ToArray(), Sequence), expected);
        double plainError = RelativeError(Run(new OnnxDynamicQuantizer().Quantize(model).Model.ToArray(), Sequence), expected);
        Assert.True(error < 0.02, $"Relative error of MatMulNBits with blocks of {blockSize} is {error:F4}, expected below 0.02.");
        Assert.True(error < plainError / 2, $"Relative error of MatMulNBits {error:F4} is not well below the {plainError:F4} of DynamicQuantizeMatMul.");
    }

    [Theory]
    [InlineData(8)]
    [InlineData(48)]
    public void Quantizer_InvalidBlockSize_Throws(int blockSize)
    {
        QuantizationOptions options = new() { Operator = QuantizedOperator.MatMulNBits, BlockSize = blockSize };

        ArgumentException exception = Assert.Throws<ArgumentException>(() => new OnnxDynamicQuantizer(options));

        Assert.Contains($"BlockSize is {blockSize}", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Quantizer_SmoothingWithoutCalibration_Throws()
    {
        QuantizationOptions options = new();
        options.SmoothedNodes.Add("matmul");

        ArgumentException exception = Assert.Throws<ArgumentException>(() => new OnnxDynamicQuantizer(options));

        Assert.Contains("CalibrationSequences is empty", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(double.NaN)]
    public void Quantizer_AlphaOutOfRange_Throws(double alpha)
    {
        QuantizationOptions options = new() { SmoothingAlpha = alpha };

        Assert.Throws<ArgumentException>(() => new OnnxDynamicQuantizer(options));
    }

    [Fact]
    public void Quantize_FloatInputModel_CalibrationThrowsNotSupported()
    {
        byte[] model = TinyModels.MatMulWithWeight(new float[Hidden * Columns], Hidden, Columns).ToByteArray();
        QuantizationOptions options = new();
        options.OutlierChannelNodes.Add("matmul");
        options.CalibrationSequences.Add(Sequence);

        NotSupportedException exception = Assert.Throws<NotSupportedException>(() => new OnnxDynamicQuantizer(options).Quantize(model));

        Assert.Contains("'X'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SettingsKey_DifferentCalibration_Differs()
    {
        QuantizationOptions first = CreateOptions();
        QuantizationOptions second = CreateOptions();
        second.CalibrationSequences.Add([1, 2]);

        Assert.NotEqual(new OnnxDynamicQuantizer(first).SettingsKey, new OnnxDynamicQuantizer(second).SettingsKey);
        Assert.Equal(string.Empty, new OnnxDynamicQuantizer().SettingsKey);
    }

    private static QuantizationOptions CreateOptions()
    {
        QuantizationOptions options = new() { OutlierChannelCount = 1 };
        options.SmoothedNodes.Add("matmul");
        options.OutlierChannelNodes.Add("matmul");
        options.CalibrationSequences.Add([.. Enumerable.Range(0, VocabularySize)]);
        return options;
    }

    /// <summary>Y = Gather(E, input_ids) × W + B, with the planted outliers in the embedding table E.</summary>
    private static ModelProto BuildModel()
    {
        float[] embeddings = TinyModels.RandomWeights(VocabularySize, Hidden, Enumerable.Repeat(1f, Hidden).ToArray(), seed: 3);
        for (int token = 0; token < VocabularySize; token++)
        {
            embeddings[(token * Hidden) + WideChannel] *= 40f;
        }

        embeddings[(OutlierToken * Hidden) + OutlierChannel] = 200f;

        float[] weights = TinyModels.RandomWeights(Hidden, Columns, Enumerable.Repeat(1f, Columns).ToArray(), seed: 5);
        float[] bias = TinyModels.RandomWeights(1, Columns, Enumerable.Repeat(1f, Columns).ToArray(), seed: 6);

        ModelProto model = new() { IrVersion = 8, ProducerName = "RagAnything.Tests", Graph = new GraphProto { Name = "tiny-bert" } };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = string.Empty, Version = 13 });
        GraphProto graph = model.Graph;
        graph.Input.Add(new ValueInfoProto
        {
            Name = "input_ids",
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Int64 } },
        });
        graph.Output.Add(new ValueInfoProto
        {
            Name = "Y",
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float } },
        });
        graph.Initializer.Add(TinyModels.Weight("E", embeddings, VocabularySize, Hidden));
        graph.Initializer.Add(TinyModels.Weight("W", weights, Hidden, Columns));
        TensorProto biasTensor = new() { Name = "B", DataType = (int)TensorProto.Types.DataType.Float };
        biasTensor.Dims.Add(Columns);
        biasTensor.FloatData.Add(bias);
        graph.Initializer.Add(biasTensor);
        graph.Node.Add(TinyModels.Node("Gather", "embed", ["E", "input_ids"], ["X"]));
        graph.Node.Add(TinyModels.Node("MatMul", "matmul", ["X", "W"], ["P"]));
        graph.Node.Add(TinyModels.Node("Add", "bias", ["P", "B"], ["Y"]));
        return model;
    }

    private static float[] Run(byte[] model, int[] tokens)
    {
        using InferenceSession session = new(model);
        long[] ids = [.. tokens.Select(token => (long)token)];
        using OrtValue input = OrtValue.CreateTensorValueFromMemory(ids, [1, ids.Length]);
        using RunOptions options = new();
        using IDisposableReadOnlyCollection<OrtValue> outputs = session.Run(options, new Dictionary<string, OrtValue> { ["input_ids"] = input }, ["Y"]);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }

    private static double RelativeError(float[] actual, float[] expected)
    {
        double error = 0;
        double norm = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            error += Math.Pow(actual[i] - expected[i], 2);
            norm += Math.Pow(expected[i], 2);
        }

        return Math.Sqrt(error / norm);
    }
}
