using System.Text;
using System.Text.Unicode;

namespace RagAnything.Parsing;

/// <summary>
/// Chooses the encoding of a delimited text file with the same rules as <see cref="TextDecoder"/>, but returns the
/// encoding instead of a decoded string, so a large file can be read as a stream.
/// </summary>
internal static class CsvEncodingDetector
{
    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)
        ?? throw new InvalidOperationException("The Windows-1252 encoding is not available from CodePagesEncodingProvider.");

    /// <summary>Returns the encoding and the length of the byte order mark to skip (0 when there is none).</summary>
    public static (Encoding Encoding, int PreambleLength) Detect(ReadOnlySpan<byte> bytes)
    {
        var (bomEncoding, bomLength) = TextDecoder.DetectByteOrderMark(bytes);
        if (bomEncoding is not null)
        {
            return (bomEncoding, bomLength);
        }

        var utf16 = TextDecoder.DetectUtf16WithoutByteOrderMark(bytes);
        if (utf16 is not null)
        {
            return (utf16, 0);
        }

        return Utf8.IsValid(bytes) ? (new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 0) : (Windows1252, 0);
    }
}
