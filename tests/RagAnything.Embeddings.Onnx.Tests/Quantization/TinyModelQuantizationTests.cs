using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Onnx;
using RagAnything.Embeddings.Onnx.Quantization;

namespace RagAnything.Embeddings.Onnx.Tests.Quantization;

public sealed class TinyModelQuantizationTests
{
    private const int Rows = 64;
    private const int Columns = 4;

    // Column magnitudes six orders apart: one scale for the whole tensor would round the small columns to zero.
    private static readonly float[] ColumnScales = [1000f, 1f, 0.01f, 0.001f];

    [Theory]
    [InlineData(WeightStorage.RawData)]
    [InlineData(WeightStorage.FloatData)]
    public void Quantize_WeightStorage_OutputMatchesFloatPerColumn(WeightStorage storage)
    {
        float[] weights = TinyModels.RandomWeights(Rows, Columns, ColumnScales, seed: 7);
        byte[] floatModel = TinyModels.MatMulWithWeight(weights, Rows, Columns, storage).ToByteArray();
        float[] input = TinyModels.RandomWeights(TinyModels.BatchRows, Rows, Enumerable.Repeat(1f, Rows).ToArray(), seed: 11);

        QuantizationResult result = new OnnxDynamicQuantizer().Quantize(floatModel);

        Assert.Equal(1, result.QuantizedMatMulCount);
        float[] expected = Run(floatModel, input);
        float[] actual = Run(result.Model.ToArray(), input);
        for (int n = 0; n < Columns; n++)
        {
            double relativeError = ColumnNorm(actual, expected, n) / ColumnNorm(expected, new float[expected.Length], n);
            Assert.True(relativeError < 0.02, $"Column {n} (scale {ColumnScales[n]}) has relative error {relativeError:F4}, expected below 0.02.");
        }
    }

    [Fact]
    public void Quantize_NoConstantWeight_ReturnsInputUnchanged()
    {
        byte[] model = TinyModels.MatMulOfTwoInputs(Rows, Columns).ToByteArray();

        QuantizationResult result = new OnnxDynamicQuantizer().Quantize(model);

        Assert.Equal(0, result.QuantizedMatMulCount);
        Assert.Equal(0, result.FloatWeightBytes);
        Assert.Equal(model, result.Model.ToArray());
    }

    [Fact]
    public void Quantize_GraphInputWeight_StaysFloat()
    {
        float[] weights = TinyModels.RandomWeights(Rows, Columns, ColumnScales, seed: 3);
        ModelProto model = TinyModels.MatMulWithWeight(weights, Rows, Columns);
        model.Graph.Input.Add(TinyModels.FloatValue("W", Rows, Columns));

        QuantizationResult result = new OnnxDynamicQuantizer().Quantize(model.ToByteArray());

        Assert.Equal(0, result.QuantizedMatMulCount);
    }

    [Fact]
    public void Quantize_ExternalData_ThrowsNotSupported()
    {
        ModelProto model = TinyModels.MatMulWithWeight([], Rows, Columns, WeightStorage.External);

        NotSupportedException exception = Assert.Throws<NotSupportedException>(() => new OnnxDynamicQuantizer().Quantize(model.ToByteArray()));

        Assert.Contains("'W'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("external", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Quantize_NonFiniteWeight_ThrowsInvalidData()
    {
        float[] weights = TinyModels.RandomWeights(Rows, Columns, ColumnScales, seed: 5);
        weights[9] = float.NaN;
        byte[] model = TinyModels.MatMulWithWeight(weights, Rows, Columns).ToByteArray();

        InvalidDataException exception = Assert.Throws<InvalidDataException>(() => new OnnxDynamicQuantizer().Quantize(model));

        Assert.Contains("[2, 1]", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Quantize_WeightCountMismatch_ThrowsInvalidData()
    {
        byte[] model = TinyModels.MatMulWithWeight(new float[Rows * Columns - 1], Rows, Columns).ToByteArray();

        Assert.Throws<InvalidDataException>(() => new OnnxDynamicQuantizer().Quantize(model));
    }

    [Fact]
    public void Quantize_SharedWeight_QuantizedOnce()
    {
        float[] weights = TinyModels.RandomWeights(Rows, Columns, ColumnScales, seed: 9);
        ModelProto model = TinyModels.MatMulWithWeight(weights, Rows, Columns);
        GraphProto graph = model.Graph;
        graph.Node.Add(TinyModels.Node("MatMul", "matmul_again", ["X", "W"], ["Y2"]));
        graph.Node.Add(TinyModels.Node("Identity", "keep_weight", ["W"], ["W_copy"]));
        graph.Output.Add(TinyModels.FloatValue("Y2", TinyModels.BatchRows, Columns));
        graph.Output.Add(TinyModels.FloatValue("W_copy", Rows, Columns));

        QuantizationResult result = new OnnxDynamicQuantizer().Quantize(model.ToByteArray());

        ModelProto output = ModelProto.Parser.ParseFrom(result.Model.Span);
        Assert.Equal(2, result.QuantizedMatMulCount);
        Assert.Equal(Rows * Columns * sizeof(float), result.FloatWeightBytes);
        Assert.Equal(["W", "W_int8", "W_scale"], output.Graph.Initializer.Select(tensor => tensor.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Quantize_ExistingMicrosoftOpset_IsNotDuplicated()
    {
        float[] weights = TinyModels.RandomWeights(Rows, Columns, ColumnScales, seed: 13);
        ModelProto model = TinyModels.MatMulWithWeight(weights, Rows, Columns);
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "com.microsoft", Version = 1 });

        QuantizationResult result = new OnnxDynamicQuantizer().Quantize(model.ToByteArray());

        ModelProto output = ModelProto.Parser.ParseFrom(result.Model.Span);
        Assert.Single(output.OpsetImport, import => import.Domain == "com.microsoft");
    }

    private static float[] Run(byte[] model, float[] input)
    {
        using InferenceSession session = new(model);
        using OrtValue x = OrtValue.CreateTensorValueFromMemory(input, [TinyModels.BatchRows, Rows]);
        using RunOptions options = new();
        using IDisposableReadOnlyCollection<OrtValue> outputs = session.Run(options, new Dictionary<string, OrtValue> { ["X"] = x }, ["Y"]);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }

    private static double ColumnNorm(float[] values, float[] reference, int column)
    {
        double sum = 0;
        for (int row = 0; row < TinyModels.BatchRows; row++)
        {
            double difference = values[(row * Columns) + column] - reference[(row * Columns) + column];
            sum += difference * difference;
        }

        return Math.Sqrt(sum);
    }
}
