namespace RagAnything.Query;

/// <summary>
/// An image sent with a question. A registered chat model that reads images describes it; without one, only the
/// <see cref="QueryAttachment.Caption"/> describes it.
/// </summary>
/// <param name="Data">The encoded image bytes.</param>
/// <param name="MediaType">The media type of <paramref name="Data"/>, such as <c>image/png</c>.</param>
public sealed record ImageAttachment(ReadOnlyMemory<byte> Data, string MediaType) : QueryAttachment;
