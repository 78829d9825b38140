using System.Buffers;
using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace RagAnything.Embeddings.Onnx.Internal;

/// <summary>
/// An ONNX inference session over a BERT-style encoder that turns batches of token ids into mean-pooled,
/// L2-normalised sentence vectors.
/// </summary>
/// <remarks>
/// Thread-safe: ONNX Runtime allows concurrent <c>Run</c> calls on one session, and every call here uses its own
/// pooled input buffers.
/// </remarks>
internal sealed class OnnxModelSession : IDisposable
{
    private const string InputIdsName = "input_ids";
    private const string AttentionMaskName = "attention_mask";
    private const string TokenTypeIdsName = "token_type_ids";

    // Exports such as all-MiniLM-L6-v2 also have a pooler output, which sentence-transformers does not use.
    // Only the token states are requested.
    private const string HiddenStateName = "last_hidden_state";

    private static readonly string[] OutputNames = [HiddenStateName];

    private readonly InferenceSession _session;
    private readonly bool _hasTokenTypeIds;
    private int _dimensions;

    private OnnxModelSession(InferenceSession session, string modelPath)
    {
        _session = session;

        var inputs = session.InputMetadata;
        RequireInt64Input(inputs, InputIdsName, modelPath);
        RequireInt64Input(inputs, AttentionMaskName, modelPath);
        _hasTokenTypeIds = inputs.ContainsKey(TokenTypeIdsName);
        if (_hasTokenTypeIds)
        {
            RequireInt64Input(inputs, TokenTypeIdsName, modelPath);
        }

        var unknownInputs = inputs.Keys.Except([InputIdsName, AttentionMaskName, TokenTypeIdsName], StringComparer.Ordinal).ToList();
        if (unknownInputs.Count > 0)
        {
            throw new InvalidOperationException(
                $"The model {modelPath} has inputs this generator cannot fill: {string.Join(", ", unknownInputs)}. Use a BERT-style sentence-embedding export.");
        }

        if (!session.OutputMetadata.TryGetValue(HiddenStateName, out var output))
        {
            throw new InvalidOperationException(
                $"The model {modelPath} has no '{HiddenStateName}' output (its outputs are {string.Join(", ", session.OutputMetadata.Keys)}). Use a BERT-style sentence-embedding export.");
        }

        // The hidden size is usually fixed in the graph. When it is symbolic (-1), the first run records it.
        _dimensions = output.Dimensions is [.., > 0 and var hidden] ? hidden : 0;
    }

    /// <summary>Gets the vector length, or <see langword="null"/> while neither the output shape nor a run has given it.</summary>
    public int? Dimensions
    {
        get
        {
            int dimensions = Volatile.Read(ref _dimensions);
            return dimensions > 0 ? dimensions : null;
        }
    }

    /// <summary>Creates a session over <paramref name="modelPath"/> with the runtime settings of <paramref name="options"/>.</summary>
    public static OnnxModelSession Create(string modelPath, OnnxEmbeddingOptions options, ILogger logger)
    {
        // The runtime copies the session options, so they can be released once the session exists.
        using var sessionOptions = SessionOptionsFactory.Create(options, logger);

        var session = new InferenceSession(modelPath, sessionOptions);
        try
        {
            return new OnnxModelSession(session, modelPath);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Runs the model once over a batch padded to its longest sequence and writes one unit vector per sequence.
    /// </summary>
    public float[][] Embed(IReadOnlyList<IReadOnlyList<int>> sequences)
    {
        int batchSize = sequences.Count;
        int sequenceLength = sequences.Max(sequence => sequence.Count);
        int elementCount = batchSize * sequenceLength;

        long[] inputIds = ArrayPool<long>.Shared.Rent(elementCount);
        long[] attentionMask = ArrayPool<long>.Shared.Rent(elementCount);
        long[]? tokenTypeIds = _hasTokenTypeIds ? ArrayPool<long>.Shared.Rent(elementCount) : null;
        try
        {
            FillInputs(sequences, sequenceLength, inputIds.AsSpan(0, elementCount), attentionMask.AsSpan(0, elementCount));

            // Single-sentence input: every token belongs to segment 0.
            tokenTypeIds?.AsSpan(0, elementCount).Clear();

            long[] shape = [batchSize, sequenceLength];
            return Run(sequences, shape, inputIds.AsMemory(0, elementCount), attentionMask.AsMemory(0, elementCount), tokenTypeIds?.AsMemory(0, elementCount));
        }
        finally
        {
            ArrayPool<long>.Shared.Return(inputIds);
            ArrayPool<long>.Shared.Return(attentionMask);
            if (tokenTypeIds is not null)
            {
                ArrayPool<long>.Shared.Return(tokenTypeIds);
            }
        }
    }

    public void Dispose() => _session.Dispose();

    private float[][] Run(IReadOnlyList<IReadOnlyList<int>> sequences, long[] shape, Memory<long> inputIds, Memory<long> attentionMask, Memory<long>? tokenTypeIds)
    {
        // The tensors point at the pooled arrays without copying them, so they must be released before the arrays.
        using var inputIdsValue = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, inputIds, shape);
        using var attentionMaskValue = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, attentionMask, shape);
        using var tokenTypeIdsValue = tokenTypeIds is { } types ? OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, types, shape) : null;

        var inputs = new Dictionary<string, OrtValue>(StringComparer.Ordinal)
        {
            [InputIdsName] = inputIdsValue,
            [AttentionMaskName] = attentionMaskValue,
        };
        if (tokenTypeIdsValue is not null)
        {
            inputs[TokenTypeIdsName] = tokenTypeIdsValue;
        }

        using var runOptions = new RunOptions();
        using var outputs = _session.Run(runOptions, inputs, OutputNames);

        var hiddenState = outputs.First();
        long[] outputShape = hiddenState.GetTensorTypeAndShape().Shape;
        if (outputShape is not [var batch, var length, var hidden] || batch != shape[0] || length != shape[1])
        {
            throw new InvalidOperationException(
                $"The model returned a '{HiddenStateName}' of shape [{string.Join(", ", outputShape)}] for input of shape [{shape[0]}, {shape[1]}], but [batch, tokens, hidden] was expected.");
        }

        Volatile.Write(ref _dimensions, (int)hidden);
        return MeanPooling.PoolAndNormalize(hiddenState.GetTensorDataAsSpan<float>(), sequences, (int)length, (int)hidden);
    }

    private static void FillInputs(IReadOnlyList<IReadOnlyList<int>> sequences, int sequenceLength, Span<long> inputIds, Span<long> attentionMask)
    {
        // Padding positions keep id 0 ([PAD] in BERT vocabularies) and mask 0, so attention and pooling skip them.
        inputIds.Clear();
        attentionMask.Clear();

        for (int row = 0; row < sequences.Count; row++)
        {
            var sequence = sequences[row];
            int offset = row * sequenceLength;
            for (int position = 0; position < sequence.Count; position++)
            {
                inputIds[offset + position] = sequence[position];
                attentionMask[offset + position] = 1;
            }
        }
    }

    private static void RequireInt64Input(IReadOnlyDictionary<string, NodeMetadata> inputs, string name, string modelPath)
    {
        if (!inputs.TryGetValue(name, out var input))
        {
            throw new InvalidOperationException(
                $"The model {modelPath} has no '{name}' input (its inputs are {string.Join(", ", inputs.Keys)}). Use a BERT-style sentence-embedding export.");
        }

        if (input.ElementDataType != TensorElementType.Int64)
        {
            throw new InvalidOperationException(
                $"The model input '{name}' of {modelPath} has element type {input.ElementDataType}, but this generator feeds int64 token ids.");
        }
    }
}
