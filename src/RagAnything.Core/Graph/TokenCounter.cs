using Microsoft.Extensions.DependencyInjection;
using Microsoft.ML.Tokenizers;
using RagAnything.Content;

namespace RagAnything.Graph;

/// <summary>
/// Counts tokens with the registered <see cref="Tokenizer"/>, for context budgets.
/// </summary>
/// <remarks>
/// Without a registered tokenizer it estimates one token per four characters, a common rule of thumb for English
/// text with BPE and WordPiece vocabularies, so budgets are then approximate.
/// </remarks>
internal sealed class TokenCounter(IServiceProvider services)
{
    private const int CharactersPerToken = 4;

    private readonly Lazy<Tokenizer?> _tokenizer = new(services.GetService<Tokenizer>);

    public int Count(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        return _tokenizer.Value?.CountTokens(UnicodeText.ReplaceInvalid(text)) ?? (text.Length + CharactersPerToken - 1) / CharactersPerToken;
    }
}
