using System.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.ML.Tokenizers;

namespace RagAnything.SemanticKernel.Tests.TestDoubles;

/// <summary>
/// Builds RagAnything on the in-memory stores, the default parsers, a word-hash embedding and no chat model, so
/// answers are extractive and every run gives the same result.
/// </summary>
internal static class RagServices
{
    public static ServiceProvider Create()
    {
        var services = new ServiceCollection();
        services.AddRagAnything().AddDefaultParsers();
        services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(new WordHashEmbeddingGenerator());

        // A vocabulary of special tokens only: every word counts as one token, which is all chunking needs here.
        using var vocabulary = new MemoryStream(Encoding.UTF8.GetBytes("[PAD]\n[UNK]\n[CLS]\n[SEP]\n[MASK]\n"));
        services.AddSingleton<Tokenizer>(BertTokenizer.Create(vocabulary, new BertOptions { LowerCaseBeforeTokenization = true }));

        return services.BuildServiceProvider();
    }
}
