namespace RagAnything.Graph;

/// <summary>
/// A name found by the offline extractor.
/// </summary>
/// <param name="Text">The name as written.</param>
/// <param name="Type">The entity type the offline extractor can tell: name, acronym, figure, table, equation, table column or table row.</param>
/// <param name="IsWeak">Whether the name is a lone sentence-initial capitalised word, which may be an ordinary word.</param>
internal readonly record struct OfflineName(string Text, string Type, bool IsWeak);
