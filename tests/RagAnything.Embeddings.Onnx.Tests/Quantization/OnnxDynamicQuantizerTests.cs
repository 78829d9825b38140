using Onnx;
using RagAnything.Embeddings.Onnx.Quantization;

namespace RagAnything.Embeddings.Onnx.Tests.Quantization;

public sealed class OnnxDynamicQuantizerTests
{
    [Fact]
    public void Quantize_MiniLm_RewritesEveryWeightMatMul()
    {
        ModelProto output = ModelProto.Parser.ParseFrom(MiniLmModel.Quantized.Model.Span);
        HashSet<string> initializers = output.Graph.Initializer.Select(tensor => tensor.Name).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(MiniLmModel.WeightMatMulCount, MiniLmModel.Quantized.QuantizedMatMulCount);
        Assert.Equal(MiniLmModel.WeightMatMulCount, output.Graph.Node.Count(node => node.OpType == "DynamicQuantizeMatMul" && node.Domain == "com.microsoft"));
        Assert.DoesNotContain(output.Graph.Node, node => node.OpType == "MatMul" && initializers.Contains(node.Input[1]));
        Assert.Contains(output.OpsetImport, import => import.Domain == "com.microsoft" && import.Version == 1);

        // The attention score and context products multiply two activations, so they stay float.
        Assert.Equal(12, output.Graph.Node.Count(node => node.OpType == "MatMul"));
    }

    [Fact]
    public void Quantize_BundledOptions_QuantizesEveryWeightMatMul()
    {
        ModelProto source = ModelProto.Parser.ParseFrom(MiniLmModel.ModelBytes);
        ModelProto output = ModelProto.Parser.ParseFrom(MiniLmModel.BundledQuantized.Model.Span);
        Dictionary<string, TensorProto> initializers = output.Graph.Initializer.ToDictionary(tensor => tensor.Name, StringComparer.Ordinal);
        List<NodeProto> floatWeightNodes = output.Graph.Node.Where(node => node.OpType == "MatMul" && initializers.ContainsKey(node.Input[1])).ToList();

        Assert.Equal(MiniLmModel.WeightMatMulCount, MiniLmModel.BundledQuantized.QuantizedMatMulCount);

        // The only float weights left are the outlier rows of the six feed-forward output projections.
        Assert.Equal(BundledModelQuantization.FeedForwardOutputNodes.Count, floatWeightNodes.Count);
        Assert.All(floatWeightNodes, node => Assert.Equal([(long)QuantizationOptions.DefaultOutlierChannelCount, 384L], initializers[node.Input[1]].Dims));

        // One smoothing Mul per layer for Q, K and V together, one for the feed-forward input and one for the output.
        Assert.Equal(CountNodes(source, "Mul") + 18, CountNodes(output, "Mul"));
        Assert.Equal(CountNodes(source, "Gather") + 6, CountNodes(output, "Gather"));
    }

    [Fact]
    public void Quantize_BundledOptions_SmoothedWeightsStayFinite()
    {
        ModelProto output = ModelProto.Parser.ParseFrom(MiniLmModel.BundledQuantized.Model.Span);
        Dictionary<string, TensorProto> initializers = output.Graph.Initializer.ToDictionary(tensor => tensor.Name, StringComparer.Ordinal);
        HashSet<string> quantizedInputs = output.Graph.Node.Where(node => node.OpType == "DynamicQuantizeMatMul").Select(node => node.Input[0]).ToHashSet(StringComparer.Ordinal);
        List<NodeProto> smoothing = output.Graph.Node.Where(node => node.OpType == "Mul" && quantizedInputs.Contains(node.Output[0])).ToList();

        Assert.Equal(18, smoothing.Count);
        foreach (NodeProto node in smoothing)
        {
            TensorProto multipliers = initializers[node.Input[1]];
            Assert.All(multipliers.FloatData, value => Assert.True(float.IsFinite(value) && value >= 0f, $"Multiplier {value} of {node.Name} is not a finite non-negative number."));
        }
    }

    [Fact]
    public void Quantize_MiniLm_FoldsEveryBiasAdd()
    {
        ModelProto source = ModelProto.Parser.ParseFrom(MiniLmModel.ModelBytes);
        ModelProto output = ModelProto.Parser.ParseFrom(MiniLmModel.Quantized.Model.Span);

        Assert.Equal(CountNodes(source, "Add") - MiniLmModel.WeightMatMulCount, CountNodes(output, "Add"));
    }

    [Fact]
    public void Quantize_FoldBiasAddOff_KeepsAddNodes()
    {
        QuantizationOptions options = new() { FoldBiasAdd = false };

        QuantizationResult result = new OnnxDynamicQuantizer(options).Quantize(MiniLmModel.ModelBytes);
        ModelProto output = ModelProto.Parser.ParseFrom(result.Model.Span);

        Assert.Equal(CountNodes(ModelProto.Parser.ParseFrom(MiniLmModel.ModelBytes), "Add"), CountNodes(output, "Add"));
        Assert.All(output.Graph.Node.Where(node => node.OpType == "DynamicQuantizeMatMul"), node => Assert.Equal(3, node.Input.Count));
    }

    [Fact]
    public void Quantize_UnknownExcludedName_IsIgnored()
    {
        QuantizationOptions options = new();
        options.ExcludedNodes.Add("no-such-node");

        QuantizationResult result = new OnnxDynamicQuantizer(options).Quantize(MiniLmModel.ModelBytes);

        Assert.Equal(MiniLmModel.WeightMatMulCount, result.QuantizedMatMulCount);
    }

    [Fact]
    public void Quantize_MiniLm_WritesInt8Weights()
    {
        ModelProto output = ModelProto.Parser.ParseFrom(MiniLmModel.Quantized.Model.Span);
        Dictionary<string, TensorProto> initializers = output.Graph.Initializer.ToDictionary(tensor => tensor.Name, StringComparer.Ordinal);

        foreach (NodeProto node in output.Graph.Node.Where(node => node.OpType == "DynamicQuantizeMatMul"))
        {
            TensorProto weights = initializers[node.Input[1]];
            TensorProto scales = initializers[node.Input[2]];
            TensorProto bias = initializers[node.Input[4]];
            Assert.Equal(5, node.Input.Count);
            Assert.Equal(string.Empty, node.Input[3]);
            Assert.Equal([weights.Dims[1]], bias.Dims);
            Assert.Equal((int)TensorProto.Types.DataType.Int8, weights.DataType);
            Assert.Equal(weights.Dims[0] * weights.Dims[1], weights.RawData.Length);
            Assert.Equal((int)TensorProto.Types.DataType.Float, scales.DataType);
            Assert.Equal([weights.Dims[1]], scales.Dims);
            Assert.All(scales.FloatData, scale => Assert.True(scale > 0f && float.IsFinite(scale), $"Scale {scale} of {node.Name} is not a positive finite number."));
        }
    }

    [Fact]
    public void Quantize_MiniLm_RemovesFloatWeights()
    {
        ModelProto source = ModelProto.Parser.ParseFrom(MiniLmModel.ModelBytes);
        HashSet<string> sourceInitializers = source.Graph.Initializer.Select(tensor => tensor.Name).ToHashSet(StringComparer.Ordinal);
        HashSet<string> floatWeights = source.Graph.Node
            .Where(node => node.OpType == "MatMul" && sourceInitializers.Contains(node.Input[1]))
            .Select(node => node.Input[1])
            .ToHashSet(StringComparer.Ordinal);

        ModelProto output = ModelProto.Parser.ParseFrom(MiniLmModel.Quantized.Model.Span);

        Assert.Equal(MiniLmModel.WeightMatMulCount, floatWeights.Count);
        Assert.DoesNotContain(output.Graph.Initializer, tensor => floatWeights.Contains(tensor.Name));
        Assert.Equal(source.Graph.Initializer.Count + MiniLmModel.WeightMatMulCount, output.Graph.Initializer.Count);
    }

    [Fact]
    public void Quantize_MiniLm_ShrinksWeightsToAboutAQuarter()
    {
        QuantizationResult result = MiniLmModel.Quantized;
        double weightRatio = (double)result.QuantizedWeightBytes / result.FloatWeightBytes;
        long savedBytes = MiniLmModel.ModelBytes.Length - result.Model.Length;

        // 6 layers × (4 × 384×384 + 2 × 384×1536) floats.
        Assert.Equal(6L * ((4 * 384 * 384) + (2 * 384 * 1536)) * sizeof(float), result.FloatWeightBytes);
        Assert.InRange(weightRatio, 0.25, 0.26);
        Assert.True(savedBytes >= 0.74 * result.FloatWeightBytes, $"The model shrank by {savedBytes} bytes, expected at least 74% of the {result.FloatWeightBytes} float weight bytes.");
    }

    [Fact]
    public void Quantize_Stream_MatchesSpan()
    {
        using MemoryStream stream = new(MiniLmModel.ModelBytes, writable: false);

        QuantizationResult result = new OnnxDynamicQuantizer().Quantize(stream);

        Assert.True(result.Model.Span.SequenceEqual(MiniLmModel.Quantized.Model.Span), "Quantizing from a stream gave different bytes than from a span.");
    }

    [Fact]
    public void Quantize_TruncatedModel_ThrowsInvalidData()
    {
        byte[] truncated = MiniLmModel.ModelBytes.AsSpan(0, MiniLmModel.ModelBytes.Length / 2).ToArray();

        InvalidDataException exception = Assert.Throws<InvalidDataException>(() => new OnnxDynamicQuantizer().Quantize(truncated));

        Assert.Contains("not a valid ONNX model", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Quantize_RandomBytes_ThrowsInvalidData(int seed)
    {
        byte[] garbage = new byte[4096];
        new Random(seed).NextBytes(garbage);

        Assert.Throws<InvalidDataException>(() => new OnnxDynamicQuantizer().Quantize(garbage));
    }

    [Fact]
    public void Quantize_EmptyInput_ThrowsInvalidData()
    {
        Assert.Throws<InvalidDataException>(() => new OnnxDynamicQuantizer().Quantize(ReadOnlySpan<byte>.Empty));
    }

    private static int CountNodes(ModelProto model, string opType) => model.Graph.Node.Count(node => node.OpType == opType);
}
