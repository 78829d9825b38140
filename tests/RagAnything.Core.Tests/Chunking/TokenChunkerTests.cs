using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using RagAnything.Chunking;
using RagAnything.Content;
using RagAnything.Core.Tests.TestDoubles;

namespace RagAnything.Core.Tests.Chunking;

public sealed class TokenChunkerTests
{
    private const string DocumentId = "doc-test";

    [Fact]
    public void Chunk_LongProse_StaysWithinMaxTokens()
    {
        var chunker = CreateChunker(maxTokens: 64, overlapTokens: 16);
        var text = string.Join(' ', Enumerable.Range(1, 120).Select(index => $"Sentence number {index} talks about topic {index % 7}."));

        var chunks = chunker.Chunk(Document(new TextItem(text)), DocumentId);

        Assert.True(chunks.Count > 5);
        Assert.All(chunks, chunk => Assert.True(chunk.TokenCount <= 64, $"chunk {chunk.Ordinal} has {chunk.TokenCount} tokens"));
        Assert.All(chunks, chunk => Assert.True(Recount(chunk.Text) <= 64, $"chunk {chunk.Ordinal} recounts to {Recount(chunk.Text)} tokens"));
    }

    [Fact]
    public void Chunk_LongProse_CutsAtSentenceBoundaries()
    {
        var chunker = CreateChunker(maxTokens: 64, overlapTokens: 0);
        var text = string.Join(' ', Enumerable.Range(1, 60).Select(index => $"Sentence number {index} talks about topic {index % 7}."));

        var chunks = chunker.Chunk(Document(new TextItem(text)), DocumentId);

        Assert.All(chunks, chunk => Assert.EndsWith(".", chunk.Text, StringComparison.Ordinal));
        Assert.All(chunks, chunk => Assert.StartsWith("Sentence number", chunk.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void Chunk_ConsecutiveChunks_ShareOverlapSentence()
    {
        var chunker = CreateChunker(maxTokens: 64, overlapTokens: 20);
        var text = string.Join(' ', Enumerable.Range(1, 60).Select(index => $"Fact {index} is here."));

        var chunks = chunker.Chunk(Document(new TextItem(text)), DocumentId);

        Assert.True(chunks.Count >= 2);
        for (var index = 1; index < chunks.Count; index++)
        {
            var lastSentenceOfPrevious = chunks[index - 1].Text.Split(". ").Last().TrimEnd('.');
            Assert.Contains(lastSentenceOfPrevious, chunks[index].Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Chunk_ChineseWithoutSpaces_SplitsBetweenCharacters()
    {
        var chunker = CreateChunker(maxTokens: 32, overlapTokens: 0);
        var text = string.Concat(Enumerable.Repeat("北京是中华人民共和国的首都也是全国的政治文化中心", 20));

        var chunks = chunker.Chunk(Document(new TextItem(text)), DocumentId);

        Assert.True(chunks.Count > 5);
        Assert.All(chunks, chunk => Assert.True(chunk.TokenCount <= 32));
        Assert.Equal(text, string.Concat(chunks.Select(chunk => chunk.Text)));
    }

    [Fact]
    public void Chunk_SurrogatePairs_AreNeverSplit()
    {
        var chunker = CreateChunker(maxTokens: 16, overlapTokens: 0);

        // U+20000 and U+1F600 are outside the Basic Multilingual Plane, so each is a surrogate pair in UTF-16.
        var text = string.Concat(Enumerable.Repeat("\U00020000\U0001F600字", 60));

        var chunks = chunker.Chunk(Document(new TextItem(text)), DocumentId);

        Assert.True(chunks.Count > 1);
        foreach (var chunk in chunks)
        {
            Assert.False(char.IsLowSurrogate(chunk.Text[0]), $"chunk {chunk.Ordinal} starts with a low surrogate");
            Assert.False(char.IsHighSurrogate(chunk.Text[^1]), $"chunk {chunk.Ordinal} ends with a high surrogate");
        }

        Assert.Equal(text, string.Concat(chunks.Select(chunk => chunk.Text)));
    }

    [Fact]
    public void Chunk_InvalidCodePoints_AreKeptAndCounted()
    {
        var chunker = CreateChunker(maxTokens: 64, overlapTokens: 0);

        // U+FFFE is valid UTF-8 and a lone surrogate can come from UTF-16 input; the tokenizer's normalization rejects both.
        var text = "Opening hours \uFFFE from nine \uD800 to five.";

        var chunk = Assert.Single(chunker.Chunk(Document(new TextItem(text)), DocumentId));

        Assert.Equal(text, chunk.Text);
        Assert.True(chunk.TokenCount > 0);
    }

    [Fact]
    public void Chunk_WordLongerThanChunk_IsSplitAndKept()
    {
        var chunker = CreateChunker(maxTokens: 16, overlapTokens: 0);
        // Punctuation without spaces is one word to the splitter but one token per mark to BERT.
        var word = string.Join(',', Enumerable.Range(0, 150).Select(index => (index % 10).ToString(CultureInfo.InvariantCulture)));

        var chunks = chunker.Chunk(Document(new TextItem(word)), DocumentId);

        Assert.True(chunks.Count > 1);
        Assert.Equal(word, string.Concat(chunks.Select(chunk => chunk.Text)));
        Assert.All(chunks, chunk => Assert.True(chunk.TokenCount <= 16));
    }

    [Fact]
    public void Chunk_HugeWordWithoutSpaces_IsBoundedInCharacters()
    {
        var chunker = CreateChunker(maxTokens: 200, overlapTokens: 0);

        // WordPiece counts any word over 100 characters as one token, so only a character bound keeps this small.
        var word = new string('x', 500_000);

        var chunks = chunker.Chunk(Document(new TextItem(word)), DocumentId);

        Assert.True(chunks.Count >= 25, $"{chunks.Count} chunks");
        Assert.All(chunks, chunk => Assert.True(chunk.Text.Length <= 20_000, $"chunk {chunk.Ordinal} has {chunk.Text.Length} characters"));
        Assert.Equal(word.Length, chunks.Sum(chunk => chunk.Text.Length));
    }

    [Fact]
    public void Chunk_ItemsOnSeveralPages_KeepPageRange()
    {
        var chunker = CreateChunker(maxTokens: 200, overlapTokens: 0);
        var document = Document(
            new TextItem("The first page has a short paragraph.") { PageIndex = 0 },
            new TextItem("The second page continues the same topic.") { PageIndex = 1 },
            new TextItem("The third page ends it.") { PageIndex = 2 });

        var chunk = Assert.Single(chunker.Chunk(document, DocumentId));

        Assert.Equal(0, chunk.PageStart);
        Assert.Equal(2, chunk.PageEnd);
        Assert.Equal(ContentKind.Text, chunk.Kind);
    }

    [Fact]
    public void Chunk_Table_GetsOwnChunkWithKindTable()
    {
        var chunker = CreateChunker(maxTokens: 200, overlapTokens: 0);
        var table = new TableItem([["Planet", "Moons"], ["Earth", "1"], ["Mars", "2"]]) { PageIndex = 3, Caption = "Table 1: Moons" };
        var document = Document(new TextItem("Some prose before the table."), table, new TextItem("Some prose after it."));

        var chunks = chunker.Chunk(document, DocumentId);

        Assert.Equal(3, chunks.Count);
        Assert.Equal(ContentKind.Table, chunks[1].Kind);
        Assert.Equal(3, chunks[1].PageStart);
        Assert.Contains("Planet | Moons", chunks[1].Text, StringComparison.Ordinal);
        Assert.Contains("Mars | 2", chunks[1].Text, StringComparison.Ordinal);
        Assert.StartsWith("Table 1: Moons", chunks[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Chunk_LargeTable_RepeatsHeaderInEveryChunk()
    {
        var chunker = CreateChunker(maxTokens: 48, overlapTokens: 0);
        var rows = new List<IReadOnlyList<string>> { new[] { "Car", "Miles per gallon", "Cylinders" } };
        rows.AddRange(Enumerable.Range(1, 40).Select(index => (IReadOnlyList<string>)[$"Model {index}", (10 + index).ToString(CultureInfo.InvariantCulture), "6"]));

        var chunks = chunker.Chunk(Document(new TableItem(rows)), DocumentId);

        Assert.True(chunks.Count > 3);
        Assert.All(chunks, chunk => Assert.StartsWith("Car | Miles per gallon | Cylinders", chunk.Text, StringComparison.Ordinal));
        Assert.All(chunks, chunk => Assert.Equal(ContentKind.Table, chunk.Kind));
        var allText = string.Join('\n', chunks.Select(chunk => chunk.Text));
        Assert.All(Enumerable.Range(1, 40), index => Assert.Contains($"Model {index} |", allText, StringComparison.Ordinal));
    }

    [Fact]
    public void Chunk_TopLevelHeading_StartsNewChunk()
    {
        var chunker = CreateChunker(maxTokens: 200, overlapTokens: 0);
        var document = Document(
            new TextItem("Introduction text."),
            new TextItem("Methods") { Role = TextRole.Heading, HeadingLevel = 1 },
            new TextItem("Methods text.") { HeadingPath = ["Methods"] });

        var chunks = chunker.Chunk(document, DocumentId);

        Assert.Equal(2, chunks.Count);
        Assert.Equal("Methods\nMethods text.", chunks[1].Text);
    }

    [Fact]
    public void Chunk_ImageWithCaption_BecomesImageChunk()
    {
        var chunker = CreateChunker(maxTokens: 200, overlapTokens: 0);
        var image = new ImageItem { Caption = "Figure 2: The assembly line", OcrText = "Station 4", PageIndex = 1 };

        var chunk = Assert.Single(chunker.Chunk(Document(image), DocumentId));

        Assert.Equal(ContentKind.Image, chunk.Kind);
        Assert.Contains("Figure 2: The assembly line", chunk.Text, StringComparison.Ordinal);
        Assert.Contains("Station 4", chunk.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Chunk_EmptyDocument_ReturnsNoChunks()
    {
        var chunker = CreateChunker(maxTokens: 200, overlapTokens: 0);

        var chunks = chunker.Chunk(Document(new TextItem("   "), new ImageItem()), DocumentId);

        Assert.Empty(chunks);
    }

    [Fact]
    public void Chunk_SameInput_GivesSameIds()
    {
        var chunker = CreateChunker(maxTokens: 32, overlapTokens: 8);
        var document = Document(new TextItem(string.Join(' ', Enumerable.Repeat("A stable sentence for ids.", 30))));

        var first = chunker.Chunk(document, DocumentId).Select(chunk => chunk.Id).ToList();
        var second = chunker.Chunk(document, DocumentId).Select(chunk => chunk.Id).ToList();

        Assert.Equal(first, second);
        Assert.Equal(first.Count, first.Distinct(StringComparer.Ordinal).Count());
    }

    private static TokenChunker CreateChunker(int maxTokens, int overlapTokens)
        => new(BertVocabularyTokenizer.Instance, Options.Create(new ChunkingOptions { MaxTokens = maxTokens, OverlapTokens = overlapTokens }));

    private static int Recount(string text)
        => BertVocabularyTokenizer.Instance.CountTokens(text) - BertVocabularyTokenizer.Instance.CountTokens(string.Empty);

    private static ParsedDocument Document(params ContentItem[] items) => new()
    {
        SourceName = "test.txt",
        MediaType = "text/plain",
        Sha256 = new string('a', 64),
        Items = items,
    };
}
