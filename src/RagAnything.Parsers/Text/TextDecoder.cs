using System.Text;
using System.Text.Unicode;

namespace RagAnything.Parsing;

/// <summary>
/// Decodes text files whose encoding is not declared: a byte order mark first, then UTF-16 recognised by its zero
/// bytes, then strict UTF-8, else Windows-1252.
/// </summary>
/// <remarks>
/// Windows-1252 is the fallback because it is the most common legacy single-byte encoding of Western text. Decoding
/// with it cannot fail, because .NET maps its five unassigned bytes to control characters, which the parsers remove. Text in another legacy code page decodes to wrong letters.
/// </remarks>
internal static class TextDecoder
{
    // The code-pages provider ships with the shared framework. Asking it directly avoids registering a
    // process-wide encoding provider from a library.
    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)
        ?? throw new InvalidOperationException("The Windows-1252 encoding is not available from CodePagesEncodingProvider.");

    public static DecodedText Decode(ReadOnlySpan<byte> bytes)
    {
        var (bomEncoding, bomLength) = DetectByteOrderMark(bytes);
        if (bomEncoding is not null)
        {
            return new DecodedText(bomEncoding.GetString(bytes[bomLength..]), bomEncoding.WebName);
        }

        var utf16 = DetectUtf16WithoutByteOrderMark(bytes);
        if (utf16 is not null)
        {
            return new DecodedText(utf16.GetString(bytes[..(bytes.Length & ~1)]), utf16.WebName);
        }

        if (Utf8.IsValid(bytes))
        {
            return new DecodedText(Encoding.UTF8.GetString(bytes), Encoding.UTF8.WebName);
        }

        return new DecodedText(Windows1252.GetString(bytes), Windows1252.WebName);
    }

    /// <summary>Returns the encoding announced by a byte order mark and the mark's length, or (null, 0).</summary>
    public static (Encoding? Encoding, int Length) DetectByteOrderMark(ReadOnlySpan<byte> bytes)
    {
        // UTF-32 LE is tested before UTF-16 LE because its mark starts with the UTF-16 LE mark.
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
        {
            return (new UTF32Encoding(bigEndian: false, byteOrderMark: false), 4);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            return (new UTF32Encoding(bigEndian: true, byteOrderMark: false), 4);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return (Encoding.UTF8, 3);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (Encoding.Unicode, 2);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (Encoding.BigEndianUnicode, 2);
        }

        return (null, 0);
    }

    /// <summary>
    /// Recognises UTF-16 without a byte order mark by its zero bytes: text in Latin script has a zero high byte in
    /// almost every code unit, so zeros pile up at odd offsets (little endian) or even offsets (big endian).
    /// </summary>
    /// <returns>The UTF-16 encoding of the detected byte order, or null.</returns>
    public static Encoding? DetectUtf16WithoutByteOrderMark(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..(Math.Min(bytes.Length, 8192) & ~1)];
        if (sample.Length < 4)
        {
            return null;
        }

        var zerosAtEven = 0;
        var zerosAtOdd = 0;
        for (var index = 0; index < sample.Length; index += 2)
        {
            zerosAtEven += sample[index] == 0 ? 1 : 0;
            zerosAtOdd += sample[index + 1] == 0 ? 1 : 0;
        }

        // Thresholds: at least 40% of code units on one side are zero and almost none on the other; binary data has
        // zeros on both sides.
        var units = sample.Length / 2;
        if (zerosAtOdd > units * 0.4 && zerosAtEven < units * 0.05)
        {
            return Encoding.Unicode;
        }

        return zerosAtEven > units * 0.4 && zerosAtOdd < units * 0.05 ? Encoding.BigEndianUnicode : null;
    }
}
