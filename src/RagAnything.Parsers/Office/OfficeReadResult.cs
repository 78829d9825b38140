using RagAnything.Content;

namespace RagAnything.Parsing;

/// <summary>
/// What a format reader extracted from an open package, before the runner wraps it in a <see cref="ParsedDocument"/>.
/// </summary>
/// <param name="Items">The content list in reading order.</param>
/// <param name="PageCount">The number of pages, sheets or slides.</param>
/// <param name="Metadata">Format metadata such as title and author.</param>
internal sealed record OfficeReadResult(List<ContentItem> Items, int PageCount, Dictionary<string, string> Metadata);
