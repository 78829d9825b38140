using System.Buffers.Binary;
using RagAnything.Parsing;

namespace RagAnything.Parsers.Tests.Images;

public class ImageHeaderReaderTests
{
    [Theory]
    [InlineData("img_table_multirow.png", "image/png", 1377, 648)]
    [InlineData("img_english_korean_text.png", "image/png", 650, 814)]
    [InlineData("img_paper_page_with_table.jpg", "image/jpeg", 791, 1024)]
    [InlineData("img_chinese_text.jpeg", "image/jpeg", 449, 110)]
    [InlineData("img_poster_ocr.jpg", "image/jpeg", 769, 800)]
    public void CorpusImage_Dimensions(string name, string mediaType, int width, int height)
    {
        var header = ImageHeaderReader.Read(File.ReadAllBytes(Corpus.PathOf(name)));

        Assert.NotNull(header);
        Assert.Equal(mediaType, header.Value.MediaType);
        Assert.Equal(width, header.Value.Width);
        Assert.Equal(height, header.Value.Height);
    }

    [Fact]
    public void Gif_Dimensions()
    {
        byte[] bytes = [.. "GIF89a"u8, 0x2C, 0x01, 0x90, 0x00, 0xF7, 0x00, 0x00];

        AssertHeader(bytes, "image/gif", 300, 144);
    }

    [Fact]
    public void Bmp_InfoHeaderAndTopDown()
    {
        var bytes = new byte[54];
        "BM"u8.CopyTo(bytes);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(14), 40);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(18), 640);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(22), -480);

        AssertHeader(bytes, "image/bmp", 640, 480);
    }

    [Fact]
    public void Bmp_CoreHeader()
    {
        var bytes = new byte[26];
        "BM"u8.CopyTo(bytes);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(14), 12);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(18), 32);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(20), 16);

        AssertHeader(bytes, "image/bmp", 32, 16);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Tiff_BothByteOrders(bool littleEndian)
    {
        // Header, then an IFD at offset 8 with ImageWidth as SHORT and ImageLength as LONG.
        var bytes = new byte[8 + 2 + (2 * 12) + 4];
        var span = bytes.AsSpan();
        if (littleEndian)
        {
            "II*\0"u8.CopyTo(span);
        }
        else
        {
            "MM\0*"u8.CopyTo(span);
        }

        Write32(span[4..], 8, littleEndian);
        Write16(span[8..], 2, littleEndian);
        WriteEntry(span[10..], 256, 3, 1234, littleEndian);
        WriteEntry(span[22..], 257, 4, 70000, littleEndian);

        AssertHeader(bytes, "image/tiff", 1234, 70000);
    }

    [Fact]
    public void WebP_Lossy()
    {
        var bytes = WebP("VP8 "u8, [0x30, 0x01, 0x00, 0x9D, 0x01, 0x2A, 0x80, 0x02, 0xE0, 0x01]);

        AssertHeader(bytes, "image/webp", 640, 480);
    }

    [Fact]
    public void WebP_Lossless()
    {
        // Width - 1 = 399 in bits 0-13 and height - 1 = 299 in bits 14-27.
        var bits = 399u | (299u << 14);
        var payload = new byte[10];
        payload[0] = 0x2F;
        BinaryPrimitives.WriteUInt32LittleEndian(payload.AsSpan(1), bits);

        AssertHeader(WebP("VP8L"u8, payload), "image/webp", 400, 300);
    }

    [Fact]
    public void WebP_Extended()
    {
        // Flags (4), then canvas width - 1 = 4999 and height - 1 = 2 as 24-bit fields.
        byte[] payload = [0x10, 0, 0, 0, 0x87, 0x13, 0x00, 0x02, 0x00, 0x00];

        AssertHeader(WebP("VP8X"u8, payload), "image/webp", 5000, 3);
    }

    [Theory]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48 })]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00 })]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x08 })]
    [InlineData(new byte[] { (byte)'G', (byte)'I', (byte)'F', (byte)'8', (byte)'9', (byte)'a', 0x01 })]
    [InlineData(new byte[] { (byte)'I', (byte)'I', 42, 0, 0xFF, 0xFF, 0xFF, 0x7F })]
    [InlineData(new byte[] { 0, 0, 0, 0, 0, 0, 0, 0 })]
    [InlineData(new byte[0])]
    public void Truncated_Or_Unknown_ReturnsNull(byte[] bytes)
    {
        Assert.Null(ImageHeaderReader.Read(bytes));
    }

    private static void AssertHeader(byte[] bytes, string mediaType, long width, long height)
    {
        var header = ImageHeaderReader.Read(bytes);

        Assert.NotNull(header);
        Assert.Equal((mediaType, width, height), (header.Value.MediaType, header.Value.Width, header.Value.Height));
    }

    private static byte[] WebP(ReadOnlySpan<byte> chunk, byte[] payload)
    {
        var bytes = new byte[20 + payload.Length];
        "RIFF"u8.CopyTo(bytes);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), (uint)(bytes.Length - 8));
        "WEBP"u8.CopyTo(bytes.AsSpan(8));
        chunk.CopyTo(bytes.AsSpan(12));
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(16), (uint)payload.Length);
        payload.CopyTo(bytes, 20);
        return bytes;
    }

    private static void WriteEntry(Span<byte> entry, ushort tag, ushort type, uint value, bool littleEndian)
    {
        Write16(entry, tag, littleEndian);
        Write16(entry[2..], type, littleEndian);
        Write32(entry[4..], 1, littleEndian);
        if (type == 3)
        {
            Write16(entry[8..], (ushort)value, littleEndian);
        }
        else
        {
            Write32(entry[8..], value, littleEndian);
        }
    }

    private static void Write16(Span<byte> span, ushort value, bool littleEndian)
    {
        if (littleEndian)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(span, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt16BigEndian(span, value);
        }
    }

    private static void Write32(Span<byte> span, uint value, bool littleEndian)
    {
        if (littleEndian)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(span, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt32BigEndian(span, value);
        }
    }
}
