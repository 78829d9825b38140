using System.Buffers.Binary;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using RagAnything.Content;
using RagAnything.Errors;
using RagAnything.Parsing;
using RagAnything.Storage.InMemory;

namespace RagAnything.Parsers.Tests.Images;

public class ImageParserTests
{
    [Fact]
    public async Task Png_SizeBlobAndMediaType()
    {
        var blobs = new InMemoryBlobStore();
        var parser = new ImageParser(blobStore: blobs);
        var source = await Corpus.LoadAsync("img_table_multirow.png");

        var document = await parser.ParseAsync(source, MediaTypes.Png);

        var image = Assert.IsType<ImageItem>(Assert.Single(document.Items));
        Assert.Equal((1377, 648), (image.Width, image.Height));
        Assert.Equal("image/png", image.MediaType);
        Assert.Equal($"images/{source.Sha256}.png", image.BlobKey);
        await using var stored = await blobs.OpenReadAsync(image.BlobKey!);
        Assert.NotNull(stored);
        using var copy = new MemoryStream();
        await stored.CopyToAsync(copy);
        Assert.Equal(source.Content.ToArray(), copy.ToArray());
        Assert.Null(image.OcrText);
        Assert.Empty(document.Warnings);
    }

    [Fact]
    public async Task DeclaredTypeMismatch_UsesDetectedFormat()
    {
        var document = await new ImageParser().ParseAsync(await Corpus.LoadAsync("img_poster_ocr.jpg"), MediaTypes.Png);

        var image = Assert.IsType<ImageItem>(Assert.Single(document.Items));
        Assert.Equal("image/jpeg", image.MediaType);
        Assert.Contains(document.Warnings, warning => warning.Contains("image/jpeg", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TruncatedPngHeader_IsCorrupt()
    {
        var bytes = File.ReadAllBytes(Corpus.PathOf("img_table_multirow.png"))[..20];

        await AssertRejectedAsync(bytes, MediaTypes.Png, "corrupt", ErrorCategory.Permanent);
    }

    [Fact]
    public async Task JpegOfZeros_IsCorrupt()
    {
        await AssertRejectedAsync(new byte[4096], MediaTypes.Jpeg, "corrupt", ErrorCategory.Permanent);
    }

    [Fact]
    public async Task RandomBytes_AreCorrupt()
    {
        var bytes = new byte[2048];
        new Random(1234).NextBytes(bytes);
        bytes[0] = 0x00;

        await AssertRejectedAsync(bytes, MediaTypes.Png, "corrupt", ErrorCategory.Permanent);
    }

    [Fact]
    public async Task EmptyFile_IsRejected()
    {
        await AssertRejectedAsync([], MediaTypes.Png, "empty", ErrorCategory.Validation);
    }

    [Fact]
    public async Task ZeroSizePng_IsCorrupt()
    {
        await AssertRejectedAsync(PngHeader(0, 0), MediaTypes.Png, "corrupt", ErrorCategory.Permanent);
    }

    [Fact]
    public async Task HugePngHeader_IsTooLargeBeforeOcr()
    {
        var recognizer = new CountingRecognizer();
        var parser = new ImageParser(textRecognizer: recognizer);

        var exception = await Assert.ThrowsAsync<DocumentParseException>(
            () => parser.ParseAsync(new DocumentSource("huge.png", PngHeader(100_000, 100_000)), MediaTypes.Png).AsTask());

        Assert.Equal("too-large", exception.Reason);
        Assert.Equal(ErrorCategory.Validation, exception.Category);
        Assert.Contains("100000 x 100000", exception.Message, StringComparison.Ordinal);
        Assert.Equal(0, recognizer.Calls);
    }

    [Fact]
    public async Task MaxPixels_OptionIsHonoured()
    {
        var parser = new ImageParser(Options.Create(new ImageParserOptions { MaxPixels = 1000 }));

        var exception = await Assert.ThrowsAsync<DocumentParseException>(
            () => parser.ParseAsync(new DocumentSource("small.png", PngHeader(40, 26)), MediaTypes.Png).AsTask());

        Assert.Equal("too-large", exception.Reason);
    }

    [Fact]
    public async Task ChatClient_DescriptionIsKept()
    {
        var chat = new FakeChatClient(reply: "A table of accessibility test results.");
        var parser = new ImageParser(chatClient: chat);

        var document = await parser.ParseAsync(await Corpus.LoadAsync("img_table_multirow.png"), MediaTypes.Png);

        var image = Assert.IsType<ImageItem>(Assert.Single(document.Items));
        Assert.Equal("A table of accessibility test results.", image.Description);
        var content = Assert.Single(chat.Messages).Contents;
        var data = Assert.Single(content.OfType<DataContent>());
        Assert.Equal("image/png", data.MediaType);
        Assert.Contains(content.OfType<TextContent>(), text => text.Text.Contains("transcribe", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ChatClientFailure_FallsBackWithWarning()
    {
        var parser = new ImageParser(textRecognizer: new FixedRecognizer("Results"), chatClient: new FakeChatClient(reply: null));

        var document = await parser.ParseAsync(await Corpus.LoadAsync("img_table_multirow.png"), MediaTypes.Png);

        var image = Assert.IsType<ImageItem>(Assert.Single(document.Items));
        Assert.Null(image.Description);
        Assert.Equal("Results", image.OcrText);
        Assert.Contains(document.Warnings, warning => warning.Contains("The model does not accept images.", StringComparison.Ordinal));
    }

    private static async Task AssertRejectedAsync(byte[] bytes, string mediaType, string reason, ErrorCategory category)
    {
        var recognizer = new CountingRecognizer();
        var parser = new ImageParser(textRecognizer: recognizer);

        var exception = await Assert.ThrowsAsync<DocumentParseException>(
            () => parser.ParseAsync(new DocumentSource("bad.png", bytes), mediaType).AsTask());

        Assert.Equal(reason, exception.Reason);
        Assert.Equal(category, exception.Category);
        Assert.Equal("bad.png", exception.SourceName);
        Assert.Equal(0, recognizer.Calls);
    }

    /// <summary>Builds the signature and IHDR chunk of a PNG, which is all the size check reads.</summary>
    private static byte[] PngHeader(uint width, uint height)
    {
        var bytes = new byte[33];
        byte[] signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        signature.CopyTo(bytes, 0);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(8), 13);
        "IHDR"u8.CopyTo(bytes.AsSpan(12));
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(16), width);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(20), height);
        bytes[24] = 8;
        bytes[25] = 2;
        return bytes;
    }

    private sealed class CountingRecognizer : ITextRecognizer
    {
        public int Calls { get; private set; }

        public ValueTask<TextRecognitionResult> RecognizeAsync(ReadOnlyMemory<byte> image, string? languages = null, CancellationToken cancellationToken = default)
        {
            Calls++;
            return ValueTask.FromResult(TextRecognitionResult.Recognized(string.Empty));
        }
    }

    private sealed class FixedRecognizer(string text) : ITextRecognizer
    {
        public ValueTask<TextRecognitionResult> RecognizeAsync(ReadOnlyMemory<byte> image, string? languages = null, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(TextRecognitionResult.Recognized(text));
    }

    /// <summary>A chat client that records the request and replies with fixed text, or fails when the reply is null.</summary>
    private sealed class FakeChatClient(string? reply) : IChatClient
    {
        public List<ChatMessage> Messages { get; } = [];

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            Messages.AddRange(messages);
            return reply is null
                ? throw new NotSupportedException("The model does not accept images.")
                : Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, reply)));
        }

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
