using RagAnything.Content;

namespace RagAnything.Hosting.Endpoints.Contracts;

/// <summary>
/// Raw text, or a content list built by the caller. Exactly one of <see cref="Text"/> and <see cref="Items"/> is set.
/// </summary>
internal sealed record TextIngestRequest
{
    public string? Text { get; init; }

    /// <summary>Gets the document name; raw text without one is named <c>text-&lt;hash&gt;.txt</c>.</summary>
    public string? Name { get; init; }

    public IReadOnlyList<ContentItem>? Items { get; init; }
}
