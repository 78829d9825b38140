using System.Text;
using Microsoft.ML.Tokenizers;

namespace RagAnything.OpenAI.Tests.TestDoubles;

/// <summary>
/// A WordPiece tokenizer whose vocabulary holds only the special tokens, so every word counts as one token. Chunking
/// needs a tokenizer, and these tests need no real vocabulary.
/// </summary>
internal static class TinyTokenizer
{
    public static Tokenizer Create()
    {
        var vocabulary = "[PAD]\n[UNK]\n[CLS]\n[SEP]\n[MASK]\n";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(vocabulary));
        return BertTokenizer.Create(stream, new BertOptions { LowerCaseBeforeTokenization = true });
    }
}
