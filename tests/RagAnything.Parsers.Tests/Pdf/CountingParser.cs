using RagAnything.Content;
using RagAnything.Parsing;

namespace RagAnything.Parsers.Tests.Pdf;

/// <summary>
/// Wraps a parser and counts how often the pipeline really calls it, so a cache hit is visible as a missing call.
/// </summary>
internal sealed class CountingParser(IVersionedParser inner) : IVersionedParser
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public string Id => inner.Id;

    public IReadOnlyCollection<string> MediaTypes => inner.MediaTypes;

    public string OptionsFingerprint => inner.OptionsFingerprint;

    public ValueTask<ParsedDocument> ParseAsync(DocumentSource source, string mediaType, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        return inner.ParseAsync(source, mediaType, cancellationToken);
    }
}
