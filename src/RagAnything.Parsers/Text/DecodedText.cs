namespace RagAnything.Parsing;

/// <summary>
/// Text decoded from a document's bytes, with the name of the encoding that was used.
/// </summary>
/// <param name="Text">The decoded text, without a byte order mark.</param>
/// <param name="EncodingName">The web name of the encoding, such as <c>utf-8</c> or <c>windows-1252</c>.</param>
internal readonly record struct DecodedText(string Text, string EncodingName);
