namespace RagAnything.Query;

/// <summary>
/// The keywords a graph query searches with.
/// </summary>
/// <param name="HighLevel">Themes and concepts of the question, matched against relations.</param>
/// <param name="LowLevel">Specific names and terms of the question, matched against entities.</param>
public sealed record QueryKeywords(IReadOnlyList<string> HighLevel, IReadOnlyList<string> LowLevel);
