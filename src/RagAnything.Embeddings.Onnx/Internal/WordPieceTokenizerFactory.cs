using Microsoft.ML.Tokenizers;

namespace RagAnything.Embeddings.Onnx.Internal;

/// <summary>
/// Creates the BERT WordPiece tokenizer of a model from its vocabulary file.
/// </summary>
internal static class WordPieceTokenizerFactory
{
    public static BertTokenizer Create(string vocabularyPath, bool lowerCase)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(vocabularyPath);

        // Hugging Face's BERT tokenizer strips accents exactly when it lower-cases (strip_accents follows
        // do_lower_case), and it splits CJK characters into single tokens. These options reproduce both.
        var options = new BertOptions
        {
            LowerCaseBeforeTokenization = lowerCase,
            RemoveNonSpacingMarks = lowerCase,
            ApplyBasicTokenization = true,
            IndividuallyTokenizeCjk = true,
        };

        return BertTokenizer.Create(vocabularyPath, options);
    }
}
