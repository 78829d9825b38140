using Microsoft.Extensions.AI;
using Microsoft.ML.Tokenizers;

namespace RagAnything.Embeddings.Onnx.Tests;

[Collection(ModelCollection.Name)]
public sealed class TokenizerTests(ModelFixture fixture)
{
    private readonly BertTokenizer _tokenizer = (BertTokenizer)fixture.Generator.GetService<Tokenizer>()!;

    [Fact]
    public void CountTokens_KnownSentence_CountsTextTokensOnly()
    {
        // a man is eating food . — the Tokenizer base methods leave out [CLS] and [SEP], which the model adds.
        Assert.Equal(6, _tokenizer.CountTokens("A man is eating food."));
    }

    [Fact]
    public void EncodeToIds_KnownSentence_MatchesVocabulary()
    {
        // Ids of the bert-base-uncased vocabulary, which all-MiniLM-L6-v2 uses. Upper case is folded.
        int[] expected = [101, 1037, 2158, 2003, 5983, 2833, 1012, 102];

        Assert.Equal(expected, _tokenizer.EncodeToIds("A MAN is eating food.", addSpecialTokens: true));
    }

    [Fact]
    public void EncodeToIds_AccentedWord_StripsAccents()
    {
        Assert.Equal(_tokenizer.EncodeToIds("cafe"), _tokenizer.EncodeToIds("Café"));
    }

    [Fact]
    public void EncodeToIds_EmptyString_ReturnsClsAndSep()
    {
        Assert.Equal([101, 102], _tokenizer.EncodeToIds(string.Empty, addSpecialTokens: true));
        Assert.Equal(0, _tokenizer.CountTokens(string.Empty));
    }
}
