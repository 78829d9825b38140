using System.Text;
using Microsoft.ML.Tokenizers;

namespace RagAnything.Hosting.Tests.TestDoubles;

/// <summary>
/// A WordPiece tokenizer over a vocabulary built here: the special tokens, ASCII letters, digits and punctuation,
/// each also as a continuation piece. Words split into single characters, so token counts are close to character
/// counts; the chunker only needs consistent counts and offsets, not the real model's vocabulary.
/// </summary>
internal static class SmallVocabularyTokenizer
{
    private static readonly Lazy<Tokenizer> Shared = new(Create);

    public static Tokenizer Instance => Shared.Value;

    private static Tokenizer Create()
    {
        var vocabulary = new StringBuilder();
        foreach (var special in new[] { "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]" })
        {
            vocabulary.Append(special).Append('\n');
        }

        for (var character = '!'; character <= '~'; character++)
        {
            vocabulary.Append(character).Append('\n');
            vocabulary.Append("##").Append(character).Append('\n');
        }

        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(vocabulary.ToString()));
        return BertTokenizer.Create(stream, new BertOptions { LowerCaseBeforeTokenization = true });
    }
}
