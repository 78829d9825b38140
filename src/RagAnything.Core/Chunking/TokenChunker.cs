using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.ML.Tokenizers;
using RagAnything.Content;

namespace RagAnything.Chunking;

/// <summary>
/// Packs whole sentences into chunks of at most <see cref="ChunkingOptions.MaxTokens"/> tokens, counted with the
/// embedding model's tokenizer, with an overlap of whole sentences between consecutive chunks.
/// </summary>
/// <remarks>
/// Headings of levels 1 and 2 start a new chunk, and so do tables and images, which get chunks of their own.
/// A sentence longer than a chunk is split between words, and a word longer than a chunk between text elements, so
/// neither a surrogate pair nor a CJK character is ever cut. Thread-safe.
/// </remarks>
public sealed class TokenChunker : IChunker
{
    private const string TableCellSeparator = " | ";

    // BERT-style WordPiece tokenizers treat longer words as a single unknown token.
    private const int MaxWordCharacters = 100;

    private readonly Tokenizer _tokenizer;
    private readonly ChunkingOptions _options;
    private readonly int _specialTokenCount;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="tokenizer">The embedding model's tokenizer, so that chunk sizes match what the model reads.</param>
    /// <param name="options">The chunk size and overlap.</param>
    public TokenChunker(Tokenizer tokenizer, IOptions<ChunkingOptions> options)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        ArgumentNullException.ThrowIfNull(options);

        _tokenizer = tokenizer;
        _options = options.Value;

        // BERT tokenizers add [CLS] and [SEP] to every count. They are not part of the text, so subtract them once.
        _specialTokenCount = tokenizer.CountTokens(string.Empty);
    }

    /// <inheritdoc/>
    public IReadOnlyList<Chunk> Chunk(ParsedDocument document, string documentId)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentException.ThrowIfNullOrEmpty(documentId);

        var builder = new ChunkListBuilder(documentId, _options.OverlapTokens);

        foreach (var item in document.Items)
        {
            switch (item)
            {
                case TextItem { Role: TextRole.Heading } heading:
                    AddHeading(builder, heading);
                    break;
                case TextItem text:
                    AddFlowingText(builder, text.Text, item, ContentKind.Text);
                    break;
                case EquationItem equation:
                    AddFlowingText(builder, equation.Text, item, ContentKind.Equation);
                    break;
                case TableItem table:
                    AddTable(builder, table);
                    break;
                case ImageItem image:
                    AddImage(builder, image);
                    break;
            }
        }

        builder.Flush(keepOverlap: false);
        return builder.Chunks;
    }

    private void AddHeading(ChunkListBuilder builder, TextItem heading)
    {
        if (heading.HeadingLevel <= 2 || builder.CurrentTokens > _options.MaxTokens / 2)
        {
            builder.Flush(keepOverlap: false);
        }

        AddFlowingText(builder, heading.Text, heading, ContentKind.Text);
    }

    private void AddFlowingText(ChunkListBuilder builder, string text, ContentItem item, ContentKind kind)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        var startsBlock = true;
        foreach (var sentence in TextSegmenter.SplitSentences(text))
        {
            foreach (var piece in SplitToFit(sentence))
            {
                var tokens = CountTokens(piece);
                if (builder.CurrentTokens + tokens > _options.MaxTokens || builder.CurrentCharacters + piece.Length > MaxChunkCharacters)
                {
                    builder.Flush(keepOverlap: true);
                }

                builder.Add(new Piece(piece, tokens, item.PageIndex, kind, item.HeadingPath, startsBlock));
                startsBlock = false;
            }
        }
    }

    private void AddTable(ChunkListBuilder builder, TableItem table)
    {
        builder.Flush(keepOverlap: false);

        var headerLines = new List<string>();
        if (!string.IsNullOrWhiteSpace(table.Caption))
        {
            headerLines.Add(table.Caption.Trim());
        }

        var headerRows = Math.Min(table.HeaderRowCount, table.Rows.Count);
        for (var row = 0; row < headerRows; row++)
        {
            headerLines.Add(string.Join(TableCellSeparator, table.Rows[row]));
        }

        var header = string.Join('\n', headerLines);
        var headerTokens = header.Length == 0 ? 0 : CountTokens(header);

        // A header that fills the chunk on its own is sent once instead of being repeated before every row.
        var repeatHeader = headerTokens <= _options.MaxTokens / 2;
        if (header.Length > 0)
        {
            foreach (var piece in SplitToFit(header))
            {
                builder.Add(new Piece(piece, CountTokens(piece), table.PageIndex, ContentKind.Table, table.HeadingPath, StartsBlock: true));
            }
        }

        for (var row = headerRows; row < table.Rows.Count; row++)
        {
            var line = string.Join(TableCellSeparator, table.Rows[row]);
            if (string.IsNullOrWhiteSpace(line.Replace('|', ' ')))
            {
                continue;
            }

            foreach (var piece in SplitToFit(line))
            {
                var tokens = CountTokens(piece);
                if (builder.CurrentTokens + tokens > _options.MaxTokens)
                {
                    builder.Flush(keepOverlap: false);
                    if (repeatHeader && header.Length > 0)
                    {
                        builder.Add(new Piece(header, headerTokens, table.PageIndex, ContentKind.Table, table.HeadingPath, StartsBlock: true));
                    }
                }

                builder.Add(new Piece(piece, tokens, table.PageIndex, ContentKind.Table, table.HeadingPath, StartsBlock: true));
            }
        }

        foreach (var footnote in table.Footnotes)
        {
            AddFlowingText(builder, footnote, table, ContentKind.Table);
        }

        builder.Flush(keepOverlap: false);
    }

    private void AddImage(ChunkListBuilder builder, ImageItem image)
    {
        var parts = new[] { image.Caption, image.AltText, image.Description, image.OcrText }
            .Where(part => !string.IsNullOrWhiteSpace(part))
            .Select(part => part!.Trim())
            .Distinct(StringComparer.Ordinal)
            .ToList();

        if (parts.Count == 0)
        {
            return;
        }

        builder.Flush(keepOverlap: false);
        AddFlowingText(builder, string.Join('\n', parts), image, ContentKind.Image);
        builder.Flush(keepOverlap: false);
    }

    private IEnumerable<string> SplitToFit(string text)
    {
        if (CountTokens(text) <= _options.MaxTokens && text.Length <= _options.MaxTokens * MaxWordCharacters)
        {
            yield return text;
            yield break;
        }

        var current = new StringBuilder();
        var currentTokens = 0;

        foreach (var word in TextSegmenter.SplitWords(text))
        {
            var wordTokens = CountTokens(word);

            // WordPiece reads a word longer than 100 characters as one unknown token, so a token count alone would let
            // a megabyte without spaces become one chunk. Such words are cut into pieces of that length first.
            var wordPieces = wordTokens <= _options.MaxTokens && word.Length <= MaxWordCharacters
                ? [word]
                : TextSegmenter.SplitByTextElements(word, Math.Max(1, Math.Min(_options.MaxTokens, MaxWordCharacters)));

            foreach (var piece in wordPieces)
            {
                var pieceTokens = ReferenceEquals(piece, word) ? wordTokens : CountTokens(piece);
                var full = currentTokens + pieceTokens > _options.MaxTokens || current.Length + piece.Length > MaxChunkCharacters;
                if (full && current.Length > 0)
                {
                    yield return current.ToString();
                    current.Clear();
                    currentTokens = 0;
                }

                current.Append(piece);
                currentTokens += pieceTokens;
            }
        }

        if (current.Length > 0)
        {
            yield return current.ToString();
        }
    }

    // Text the tokenizer counts as few tokens (unknown words, runs of symbols) must still make chunks of sane size.
    private int MaxChunkCharacters => _options.MaxTokens * MaxWordCharacters;

    private int CountTokens(string text) => Math.Max(0, _tokenizer.CountTokens(UnicodeText.ReplaceInvalid(text)) - _specialTokenCount);

    private sealed record Piece(string Text, int Tokens, int PageIndex, ContentKind Kind, IReadOnlyList<string> HeadingPath, bool StartsBlock)
    {
        /// <summary>Gets whether the piece was carried over from the previous chunk.</summary>
        public bool IsOverlap { get; init; }
    }

    private sealed class ChunkListBuilder(string documentId, int overlapTokens)
    {
        private readonly List<Piece> _current = [];

        public List<Chunk> Chunks { get; } = [];

        public int CurrentTokens { get; private set; }

        public int CurrentCharacters { get; private set; }

        public void Add(Piece piece)
        {
            _current.Add(piece);
            CurrentTokens += piece.Tokens;
            CurrentCharacters += piece.Text.Length;
        }

        public void Flush(bool keepOverlap)
        {
            if (_current.Count == 0)
            {
                return;
            }

            var text = BuildText(_current);
            if (text.Length > 0 && _current.Any(piece => !piece.IsOverlap))
            {
                Chunks.Add(new Chunk
                {
                    Id = $"{documentId}-{Chunks.Count:D5}",
                    DocumentId = documentId,
                    Ordinal = Chunks.Count,
                    Text = text,
                    TokenCount = CurrentTokens,
                    PageStart = _current.Min(piece => piece.PageIndex),
                    PageEnd = _current.Max(piece => piece.PageIndex),
                    Kind = DominantKind(_current),
                    HeadingPath = _current[0].HeadingPath,
                });
            }

            var overlap = keepOverlap ? TakeOverlap() : [];
            _current.Clear();
            CurrentTokens = 0;
            CurrentCharacters = 0;

            foreach (var piece in overlap)
            {
                Add(piece);
            }
        }

        private List<Piece> TakeOverlap()
        {
            var overlap = new List<Piece>();
            var tokens = 0;

            for (var index = _current.Count - 1; index >= 0; index--)
            {
                var piece = _current[index];
                if (tokens + piece.Tokens > overlapTokens || piece.Kind == ContentKind.Table)
                {
                    break;
                }

                overlap.Insert(0, piece with { StartsBlock = index == 0 || piece.StartsBlock, IsOverlap = true });
                tokens += piece.Tokens;
            }

            return overlap;
        }

        private static string BuildText(List<Piece> pieces)
        {
            var text = new StringBuilder();
            foreach (var piece in pieces)
            {
                if (piece.StartsBlock && text.Length > 0)
                {
                    TrimEnd(text);
                    text.Append('\n');
                }

                text.Append(piece.Text);
            }

            TrimEnd(text);
            return text.ToString().TrimStart();
        }

        private static void TrimEnd(StringBuilder text)
        {
            while (text.Length > 0 && char.IsWhiteSpace(text[^1]))
            {
                text.Length--;
            }
        }

        private static ContentKind DominantKind(List<Piece> pieces)
        {
            // Equations read inline with the prose around them, so a chunk is an equation chunk only when it is all equations.
            if (pieces.All(piece => piece.Kind == ContentKind.Equation))
            {
                return ContentKind.Equation;
            }

            return pieces.FirstOrDefault(piece => piece.Kind != ContentKind.Equation && !piece.IsOverlap)?.Kind ?? ContentKind.Text;
        }
    }
}
