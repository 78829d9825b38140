using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.Tokenizers;

namespace RagAnything.Embeddings.Onnx.Tests.Quantization;

/// <summary>
/// Sentence embeddings from a raw <see cref="InferenceSession"/>, the way sentence-transformers computes them for
/// all-MiniLM-L6-v2: the <c>last_hidden_state</c> output, mean-pooled over the attention mask, then L2-normalized.
/// Deliberately independent of the library's generator, so the quantizer is checked against a plain reference.
/// </summary>
internal sealed class SentenceEmbedder : IDisposable
{
    /// <summary>Maximum tokens per text, including [CLS] and [SEP].</summary>
    public const int MaxTokens = 256;

    private const string HiddenStateOutput = "last_hidden_state";

    private readonly InferenceSession _session;
    private readonly BertTokenizer _tokenizer;

    public SentenceEmbedder(string modelPath, string vocabPath, int intraOpThreads = 2)
    {
        using SessionOptions options = new() { IntraOpNumThreads = intraOpThreads, InterOpNumThreads = 1 };
        _session = new InferenceSession(modelPath, options);
        _tokenizer = BertTokenizer.Create(vocabPath, new BertOptions { LowerCaseBeforeTokenization = true });
    }

    /// <summary>Token ids of <paramref name="text"/> with [CLS] and [SEP], truncated to <see cref="MaxTokens"/>.</summary>
    public IReadOnlyList<int> Tokenize(string text) =>
        _tokenizer.EncodeToIds(text, MaxTokens, addSpecialTokens: true, out _, out _);

    /// <summary>Embeds one text.</summary>
    public float[] Embed(string text) => Embed([text])[0];

    /// <summary>Embeds <paramref name="texts"/> as one padded batch.</summary>
    public float[][] Embed(IReadOnlyList<string> texts)
    {
        IReadOnlyList<int>[] tokens = texts.Select(Tokenize).ToArray();
        int sequenceLength = tokens.Max(ids => ids.Count);
        long[] shape = [tokens.Length, sequenceLength];

        // Padding positions keep id 0 ([PAD]) and mask 0. Single sentences have all token_type_ids 0.
        long[] inputIds = new long[tokens.Length * sequenceLength];
        long[] attentionMask = new long[inputIds.Length];
        long[] tokenTypeIds = new long[inputIds.Length];
        for (int b = 0; b < tokens.Length; b++)
        {
            for (int t = 0; t < tokens[b].Count; t++)
            {
                inputIds[(b * sequenceLength) + t] = tokens[b][t];
                attentionMask[(b * sequenceLength) + t] = 1;
            }
        }

        using OrtValue idsValue = OrtValue.CreateTensorValueFromMemory(inputIds, shape);
        using OrtValue maskValue = OrtValue.CreateTensorValueFromMemory(attentionMask, shape);
        using OrtValue typesValue = OrtValue.CreateTensorValueFromMemory(tokenTypeIds, shape);
        Dictionary<string, OrtValue> inputs = new()
        {
            ["input_ids"] = idsValue,
            ["attention_mask"] = maskValue,
            ["token_type_ids"] = typesValue,
        };

        using RunOptions runOptions = new();
        using IDisposableReadOnlyCollection<OrtValue> outputs = _session.Run(runOptions, inputs, [HiddenStateOutput]);
        return Pool(outputs[0], attentionMask, tokens.Length, sequenceLength);
    }

    public void Dispose()
    {
        _session.Dispose();
    }

    private static float[][] Pool(OrtValue hiddenState, long[] attentionMask, int batchSize, int sequenceLength)
    {
        ReadOnlySpan<float> hidden = hiddenState.GetTensorDataAsSpan<float>();
        int dimensions = hidden.Length / (batchSize * sequenceLength);

        float[][] embeddings = new float[batchSize][];
        for (int b = 0; b < batchSize; b++)
        {
            float[] sum = new float[dimensions];
            int count = 0;
            for (int t = 0; t < sequenceLength; t++)
            {
                if (attentionMask[(b * sequenceLength) + t] == 0)
                {
                    continue;
                }

                ReadOnlySpan<float> token = hidden.Slice(((b * sequenceLength) + t) * dimensions, dimensions);
                for (int d = 0; d < dimensions; d++)
                {
                    sum[d] += token[d];
                }

                count++;
            }

            embeddings[b] = Normalize(sum, count);
        }

        return embeddings;
    }

    private static float[] Normalize(float[] sum, int count)
    {
        double squaredNorm = 0;
        for (int d = 0; d < sum.Length; d++)
        {
            sum[d] /= count;
            squaredNorm += (double)sum[d] * sum[d];
        }

        float norm = (float)Math.Sqrt(squaredNorm);
        for (int d = 0; d < sum.Length; d++)
        {
            sum[d] /= norm;
        }

        return sum;
    }
}
