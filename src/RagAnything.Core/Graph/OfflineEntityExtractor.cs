using Microsoft.Extensions.Options;
using RagAnything.Chunking;
using RagAnything.Content;

namespace RagAnything.Graph;

/// <summary>
/// Extracts entities and relations without a chat model: capitalised names, acronyms, caption labels, and the
/// headers and row labels of tables, related by appearing in the same sentence or table row.
/// </summary>
/// <remarks>Runs in one pass per sentence without regular expressions, because it runs on every chunk of every document.</remarks>
internal sealed class OfflineEntityExtractor(IOptions<KnowledgeGraphOptions> options) : IEntityExtractor
{
    /// <summary>The extractor version, part of every cached result's key; bump it when the rules change.</summary>
    public const string Version = "offline-v1";

    private const string TableCellSeparator = " | ";

    private readonly KnowledgeGraphOptions _options = options.Value;

    public string Identity => Version;

    public Task<ExtractionResult> ExtractAsync(Chunk chunk, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        cancellationToken.ThrowIfCancellationRequested();

        return Task.FromResult(Extract(chunk.Text, chunk.Kind));
    }

    public ExtractionResult Extract(string text, ContentKind kind)
    {
        var collector = new OfflineGraphCollector(_options.OfflineDescriptionLength);
        string[]? header = null;

        // Lines first: chunk text keeps headings, list items and table rows on lines of their own.
        foreach (var line in text.Split('\n'))
        {
            if (kind == ContentKind.Table && line.Contains(TableCellSeparator, StringComparison.Ordinal))
            {
                var cells = line.Split(TableCellSeparator).Select(cell => cell.Trim()).ToArray();
                if (header is null)
                {
                    header = cells;
                    AddHeader(collector, cells, line);
                }
                else
                {
                    AddRow(collector, header, cells, line);
                }

                continue;
            }

            foreach (var sentence in OfflineSentences.Split(line))
            {
                var words = OfflineWordSplitter.Split(sentence);
                collector.AddSpan(OfflineNameScanner.Scan(words), sentence, words);
            }
        }

        var result = collector.ToResult();
        return ExtractionLimits.Apply(result, _options.OfflineMaxEntitiesPerChunk, _options.OfflineMaxRelationsPerChunk);
    }

    private static void AddHeader(OfflineGraphCollector collector, string[] cells, string line)
    {
        var columns = cells.Where(IsLabel).Select(cell => new OfflineName(cell, "table column", IsWeak: false)).ToList();
        collector.AddSpan(columns, line, []);
    }

    // A row links its label to every column it has a value in, and to the names written in its cells.
    private static void AddRow(OfflineGraphCollector collector, string[] header, string[] cells, string line)
    {
        if (cells.Length == 0 || !IsLabel(cells[0]))
        {
            return;
        }

        var label = new OfflineName(cells[0], "table row", IsWeak: false);
        var linearised = Linearise(header, cells);
        for (var column = 1; column < cells.Length && column < header.Length; column++)
        {
            if (cells[column].Length > 0 && IsLabel(header[column]))
            {
                var columnName = new OfflineName(header[column], "table column", IsWeak: false);
                collector.AddLink(label, columnName, header[column].ToLowerInvariant(), $"{cells[0]}: {header[column]} {cells[column]}.");
            }
        }

        var names = new List<OfflineName> { label };
        foreach (var cell in cells.Skip(1))
        {
            // A cell is a label, not a sentence, so a capitalised word that fills it is a name.
            names.AddRange(OfflineNameScanner.Scan(OfflineWordSplitter.Split(cell)).Select(name => name with { IsWeak = false }));
        }

        collector.AddSpan(names, linearised, OfflineWordSplitter.Split(line));
    }

    private static string Linearise(string[] header, string[] cells)
    {
        var parts = new List<string>();
        for (var column = 1; column < cells.Length; column++)
        {
            if (cells[column].Length > 0)
            {
                var name = column < header.Length ? header[column] : "";
                parts.Add(name.Length > 0 ? $"{name} {cells[column]}" : cells[column]);
            }
        }

        return parts.Count == 0 ? cells[0] : $"{cells[0]}: {string.Join("; ", parts)}.";
    }

    // A label has a letter in it: bare numbers and empty cells are values, not entities.
    private static bool IsLabel(string cell) => cell.Length > 1 && cell.Any(char.IsLetter);
}
