using RagAnything.Storage.Keyword;

namespace RagAnything.Storage.InMemory;

/// <summary>One text of the in-memory keyword index: its owner, its length in terms and how often each term occurs.</summary>
internal sealed record IndexedText(string Id, string DocumentId, int Length, Dictionary<string, int> TermFrequencies)
{
    public static IndexedText Create(KeywordDocument document)
    {
        IReadOnlyList<string> terms = KeywordTokenizer.Tokenize(document.Text);
        var frequencies = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string term in terms)
        {
            frequencies[term] = frequencies.GetValueOrDefault(term) + 1;
        }

        return new IndexedText(document.Id, document.DocumentId, terms.Count, frequencies);
    }
}
