namespace RagAnything.Embeddings.Onnx.Quantization;

/// <summary>
/// How the input channels of a group of quantized <c>MatMul</c> nodes that read one input X [.., K] are changed:
/// X is multiplied by <see cref="InputMultipliers"/>, each weight row k by <see cref="Factors"/>[k], and the channels in
/// <see cref="FloatChannels"/> are taken out of the quantized product and multiplied in float.
/// </summary>
internal sealed class InputChannelTransform
{
    private InputChannelTransform(float[] factors, int[] floatChannels)
    {
        Factors = factors;
        FloatChannels = floatChannels;
    }

    /// <summary>The smoothing factor s[k] of each input channel, 1 where no smoothing applies.</summary>
    public float[] Factors { get; }

    /// <summary>The input channels multiplied in float, in ascending order, or empty.</summary>
    public int[] FloatChannels { get; }

    /// <summary>The constant that multiplies X: 1/s[k], or 0 for a channel in <see cref="FloatChannels"/>.</summary>
    public float[] InputMultipliers
    {
        get
        {
            float[] multipliers = new float[Factors.Length];
            for (int k = 0; k < multipliers.Length; k++)
            {
                multipliers[k] = 1f / Factors[k];
            }

            foreach (int channel in FloatChannels)
            {
                multipliers[channel] = 0f;
            }

            return multipliers;
        }
    }

    /// <summary>
    /// Computes the transform from the calibrated activation maxima and the float weights [K, N] of the group.
    /// </summary>
    /// <param name="activationMaxima">max |X[.., k]| over the calibration tokens, length K.</param>
    /// <param name="weights">Row-major weights of every node in the group, each with K rows.</param>
    /// <param name="smoothingAlpha">The smoothing exponent, or <see langword="null"/> for no smoothing.</param>
    /// <param name="floatChannelCount">How many channels with the largest maxima to multiply in float, 0 for none.</param>
    public static InputChannelTransform Create(float[] activationMaxima, IReadOnlyList<(float[] Values, int Columns)> weights, double? smoothingAlpha, int floatChannelCount)
    {
        int rows = activationMaxima.Length;
        float[] factors = new float[rows];
        Array.Fill(factors, 1f);

        if (smoothingAlpha is double alpha)
        {
            float[] weightMaxima = ComputeRowMaxima(weights, rows);
            for (int k = 0; k < rows; k++)
            {
                double factor = Math.Pow(activationMaxima[k], alpha) / Math.Pow(weightMaxima[k], 1 - alpha);

                // A channel that was always 0, or a weight row of zeros, gives 0 or infinity, and a non-finite
                // activation gives NaN. Leaving such a channel unscaled is always correct, only not smoother.
                factors[k] = double.IsFinite(factor) && factor > 0 ? (float)factor : 1f;
            }
        }

        // At least one channel stays quantized, so the quantized product always has an input.
        int count = Math.Min(floatChannelCount, rows - 1);
        int[] floatChannels = [.. Enumerable.Range(0, rows)
            .OrderByDescending(k => float.IsNaN(activationMaxima[k]) ? float.PositiveInfinity : activationMaxima[k])
            .ThenBy(k => k)
            .Take(count)
            .Order()];

        return new InputChannelTransform(factors, floatChannels);
    }

    /// <summary>Returns a copy of <paramref name="weights"/> [K, N] with row k multiplied by s[k] and the float channels' rows set to 0.</summary>
    public float[] TransformWeights(ReadOnlySpan<float> weights, int columns)
    {
        float[] transformed = new float[weights.Length];
        for (int k = 0; k < Factors.Length; k++)
        {
            ReadOnlySpan<float> source = weights.Slice(k * columns, columns);
            Span<float> target = transformed.AsSpan(k * columns, columns);
            for (int n = 0; n < columns; n++)
            {
                target[n] = source[n] * Factors[k];
            }
        }

        foreach (int channel in FloatChannels)
        {
            transformed.AsSpan(channel * columns, columns).Clear();
        }

        return transformed;
    }

    /// <summary>Returns the rows of <paramref name="weights"/> [K, N] that belong to <see cref="FloatChannels"/>, unscaled.</summary>
    public float[] SelectFloatRows(ReadOnlySpan<float> weights, int columns)
    {
        float[] rows = new float[FloatChannels.Length * columns];
        for (int i = 0; i < FloatChannels.Length; i++)
        {
            weights.Slice(FloatChannels[i] * columns, columns).CopyTo(rows.AsSpan(i * columns, columns));
        }

        return rows;
    }

    private static float[] ComputeRowMaxima(IReadOnlyList<(float[] Values, int Columns)> weights, int rows)
    {
        float[] maxima = new float[rows];
        foreach ((float[] values, int columns) in weights)
        {
            for (int k = 0; k < rows; k++)
            {
                foreach (float value in values.AsSpan(k * columns, columns))
                {
                    maxima[k] = MathF.Max(maxima[k], MathF.Abs(value));
                }
            }
        }

        return maxima;
    }
}
