using RagAnything.Content;

namespace RagAnything.Parsing;

/// <summary>
/// Turns the bytes of one document format into a content list.
/// </summary>
/// <remarks>
/// Implementations are stateless and safe for concurrent use. Failures are reported as
/// <see cref="Errors.DocumentParseException"/> with a category and a message that says what to do.
/// </remarks>
public interface IDocumentParser
{
    /// <summary>Gets a stable id for the parser, such as <c>pdf</c>, used in cache keys and statistics.</summary>
    string Id { get; }

    /// <summary>Gets the media types the parser reads.</summary>
    IReadOnlyCollection<string> MediaTypes { get; }

    /// <summary>Parses a document whose media type is one of <see cref="MediaTypes"/>.</summary>
    ValueTask<ParsedDocument> ParseAsync(DocumentSource source, string mediaType, CancellationToken cancellationToken = default);
}
