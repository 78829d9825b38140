using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Onnx;

namespace RagAnything.Embeddings.Onnx.Quantization;

/// <summary>
/// Runs a float BERT-style model over calibration token sequences and records, for chosen intermediate tensors, the
/// maximum magnitude of each channel of their last dimension.
/// </summary>
internal static class ActivationCalibrator
{
    private const string InputIdsName = "input_ids";
    private const string AttentionMaskName = "attention_mask";
    private const string TokenTypeIdsName = "token_type_ids";

    /// <summary>
    /// Returns max |x| per last-dimension channel of each tensor in <paramref name="tensorNames"/>, over every token of
    /// every sequence in <paramref name="sequences"/>.
    /// </summary>
    /// <param name="model">The float model. It is not changed.</param>
    /// <param name="tensorNames">Names of float tensors that nodes of the main graph produce or that are graph inputs.</param>
    /// <param name="sequences">Token ids with special tokens. Each runs as a batch of one, so no padding enters the maxima.</param>
    /// <exception cref="NotSupportedException">The model has an input other than int64 input_ids, attention_mask and token_type_ids.</exception>
    /// <exception cref="InvalidDataException">A tensor has rank 0 or a different channel count on different sequences.</exception>
    public static Dictionary<string, float[]> MeasureChannelMaxima(ModelProto model, IReadOnlyList<string> tensorNames, IReadOnlyList<IReadOnlyList<int>> sequences)
    {
        ModelProto probe = model.Clone();
        List<string> inputNames = GetFedInputs(probe.Graph);
        HashSet<string> outputNames = probe.Graph.Output.Select(output => output.Name).ToHashSet(StringComparer.Ordinal);
        foreach (string name in tensorNames.Where(name => !outputNames.Contains(name)))
        {
            // The element type is enough, and ONNX Runtime infers the shape.
            probe.Graph.Output.Add(new ValueInfoProto
            {
                Name = name,
                Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float } },
            });
        }

        Dictionary<string, float[]> maxima = new(StringComparer.Ordinal);
        using SessionOptions sessionOptions = new() { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_BASIC };
        using InferenceSession session = new(probe.ToByteArray(), sessionOptions);
        foreach (IReadOnlyList<int> sequence in sequences)
        {
            RunSequence(session, inputNames, sequence, tensorNames, maxima);
        }

        return maxima;
    }

    private static List<string> GetFedInputs(GraphProto graph)
    {
        // Since IR version 4 an initializer may also be listed as an input, and such inputs need no value.
        HashSet<string> initializers = graph.Initializer.Select(tensor => tensor.Name).ToHashSet(StringComparer.Ordinal);

        List<string> names = [];
        foreach (ValueInfoProto input in graph.Input.Where(input => !initializers.Contains(input.Name)))
        {
            bool known = input.Name is InputIdsName or AttentionMaskName or TokenTypeIdsName;
            bool isInt64 = input.Type?.TensorType?.ElemType == (int)TensorProto.Types.DataType.Int64;
            if (!known || !isInt64)
            {
                throw new NotSupportedException(
                    $"The model input '{input.Name}' cannot be fed during calibration, which supports only int64 {InputIdsName}, {AttentionMaskName} and {TokenTypeIdsName}. "
                    + "Quantize this model without SmoothedNodes and OutlierChannelNodes.");
            }

            names.Add(input.Name);
        }

        return names;
    }

    private static void RunSequence(InferenceSession session, List<string> inputNames, IReadOnlyList<int> sequence, IReadOnlyList<string> tensorNames, Dictionary<string, float[]> maxima)
    {
        long[] shape = [1, sequence.Count];
        Dictionary<string, OrtValue> inputs = new(StringComparer.Ordinal);
        try
        {
            foreach (string name in inputNames)
            {
                long[] values = name switch
                {
                    InputIdsName => [.. sequence.Select(id => (long)id)],
                    AttentionMaskName => Enumerable.Repeat(1L, sequence.Count).ToArray(),
                    _ => new long[sequence.Count],
                };
                inputs[name] = OrtValue.CreateTensorValueFromMemory(values, shape);
            }

            using RunOptions runOptions = new();
            using IDisposableReadOnlyCollection<OrtValue> outputs = session.Run(runOptions, inputs, [.. tensorNames]);
            for (int i = 0; i < tensorNames.Count; i++)
            {
                Accumulate(tensorNames[i], outputs[i], maxima);
            }
        }
        finally
        {
            foreach (OrtValue value in inputs.Values)
            {
                value.Dispose();
            }
        }
    }

    private static void Accumulate(string name, OrtValue value, Dictionary<string, float[]> maxima)
    {
        long[] shape = value.GetTensorTypeAndShape().Shape;
        if (shape.Length == 0)
        {
            throw new InvalidDataException($"The MatMul input '{name}' is a scalar, so it has no channels to calibrate.");
        }

        int channels = checked((int)shape[^1]);
        if (!maxima.TryGetValue(name, out float[]? channelMaxima))
        {
            channelMaxima = new float[channels];
            maxima.Add(name, channelMaxima);
        }
        else if (channelMaxima.Length != channels)
        {
            throw new InvalidDataException(
                $"The MatMul input '{name}' had {channelMaxima.Length} channels on one calibration sequence and {channels} on another.");
        }

        ReadOnlySpan<float> data = value.GetTensorDataAsSpan<float>();
        for (int offset = 0; offset < data.Length; offset += channels)
        {
            ReadOnlySpan<float> row = data.Slice(offset, channels);
            for (int k = 0; k < channels; k++)
            {
                channelMaxima[k] = MathF.Max(channelMaxima[k], MathF.Abs(row[k]));
            }
        }
    }
}
