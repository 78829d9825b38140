using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace RagAnything.Embeddings.Onnx.Quantization;

/// <summary>
/// A validated, immutable copy of <see cref="QuantizationOptions"/>, so later changes to the options cannot change a
/// quantizer that already exists.
/// </summary>
internal sealed class QuantizationSettings
{
    private QuantizationSettings(QuantizationOptions options)
    {
        ExcludedNodes = new HashSet<string>(options.ExcludedNodes, StringComparer.Ordinal);
        SmoothedNodes = new HashSet<string>(options.SmoothedNodes, StringComparer.Ordinal);
        OutlierChannelNodes = new HashSet<string>(options.OutlierChannelNodes, StringComparer.Ordinal);
        SmoothingAlpha = options.SmoothingAlpha;
        OutlierChannelCount = options.OutlierChannelCount;
        FoldBiasAdd = options.FoldBiasAdd;
        Operator = options.Operator;
        BlockSize = options.BlockSize;
        CalibrationSequences = [.. options.CalibrationSequences.Select(sequence => (IReadOnlyList<int>)[.. sequence])];
        CacheKey = BuildCacheKey();
    }

    public HashSet<string> ExcludedNodes { get; }

    public HashSet<string> SmoothedNodes { get; }

    public HashSet<string> OutlierChannelNodes { get; }

    public double SmoothingAlpha { get; }

    public int OutlierChannelCount { get; }

    public bool FoldBiasAdd { get; }

    public QuantizedOperator Operator { get; }

    public int BlockSize { get; }

    public IReadOnlyList<IReadOnlyList<int>> CalibrationSequences { get; }

    /// <summary>
    /// Gets a text that differs whenever the settings would change the output, or the empty string for the defaults.
    /// </summary>
    public string CacheKey { get; }

    /// <summary>Copies and validates <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentException">A value is out of range, or calibration is needed but no sequence is given.</exception>
    public static QuantizationSettings From(QuantizationOptions options)
    {
        if (!(options.SmoothingAlpha is >= 0 and <= 1))
        {
            throw new ArgumentException(
                $"SmoothingAlpha is {options.SmoothingAlpha}, but it must be between 0 and 1.", nameof(options));
        }

        if (!Enum.IsDefined(options.Operator))
        {
            throw new ArgumentException($"Operator is {options.Operator}, which is not a defined QuantizedOperator value.", nameof(options));
        }

        if (options.BlockSize < 16 || !int.IsPow2(options.BlockSize))
        {
            throw new ArgumentException($"BlockSize is {options.BlockSize}, but it must be a power of 2 and at least 16.", nameof(options));
        }

        if (options.OutlierChannelCount < 1)
        {
            throw new ArgumentException(
                $"OutlierChannelCount is {options.OutlierChannelCount}, but it must be at least 1.", nameof(options));
        }

        bool needsCalibration = options.SmoothedNodes.Count > 0 || options.OutlierChannelNodes.Count > 0;
        if (needsCalibration && options.CalibrationSequences.Count == 0)
        {
            throw new ArgumentException(
                "SmoothedNodes or OutlierChannelNodes name nodes, but CalibrationSequences is empty. Add token id sequences to calibrate on, or clear both sets.",
                nameof(options));
        }

        if (options.CalibrationSequences.Any(sequence => sequence is null || sequence.Count == 0))
        {
            throw new ArgumentException("CalibrationSequences contains a null or empty sequence. Remove it.", nameof(options));
        }

        return new QuantizationSettings(options);
    }

    private string BuildCacheKey()
    {
        bool isDefault = ExcludedNodes.Count == 0 && SmoothedNodes.Count == 0 && OutlierChannelNodes.Count == 0 && FoldBiasAdd
            && Operator == QuantizedOperator.DynamicQuantizeMatMul;
        if (isDefault)
        {
            return string.Empty;
        }

        // Length prefixes keep the text unambiguous whatever characters a name has. The calibration ids only matter
        // when a node is smoothed or split, but including them always is simpler and costs nothing.
        StringBuilder key = new();
        AppendNames(key, "x", ExcludedNodes);
        AppendNames(key, "s", SmoothedNodes);
        AppendNames(key, "o", OutlierChannelNodes);
        key.Append(CultureInfo.InvariantCulture, $"a{SmoothingAlpha:R};c{OutlierChannelCount};b{FoldBiasAdd};");
        if (Operator != QuantizedOperator.DynamicQuantizeMatMul)
        {
            key.Append(CultureInfo.InvariantCulture, $"op{Operator};k{BlockSize};");
        }

        key.Append("q").Append(HashSequences()).Append(';');
        return key.ToString();
    }

    private static void AppendNames(StringBuilder key, string tag, HashSet<string> names)
    {
        key.Append(tag).Append(names.Count).Append(':');
        foreach (string name in names.Order(StringComparer.Ordinal))
        {
            key.Append(name.Length).Append(':').Append(name);
        }

        key.Append(';');
    }

    private string HashSequences()
    {
        using IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> buffer = stackalloc byte[sizeof(int)];
        foreach (IReadOnlyList<int> sequence in CalibrationSequences)
        {
            // The length before each sequence keeps [1, 2] + [3] apart from [1] + [2, 3].
            BitConverter.TryWriteBytes(buffer, sequence.Count);
            hash.AppendData(buffer);
            foreach (int id in sequence)
            {
                BitConverter.TryWriteBytes(buffer, id);
                hash.AppendData(buffer);
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
