namespace RagAnything.Parsing;

/// <summary>
/// A parser whose output depends on its options and code version, so cached results can tell when they are stale.
/// </summary>
/// <remarks>
/// A parser that does not implement this interface is cached under the fingerprint <c>0</c>, so its cached results
/// survive every option change. Implement it whenever an option changes what the parser returns.
/// </remarks>
public interface IVersionedParser : IDocumentParser
{
    /// <summary>
    /// Gets a short string that changes whenever the parser's output for the same bytes can change: a hash of the
    /// options that affect the output combined with a code version constant.
    /// </summary>
    string OptionsFingerprint { get; }
}
