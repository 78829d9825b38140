using System.Buffers;
using System.Text;

namespace RagAnything.Parsing;

/// <summary>
/// Decides whether bytes without a known signature are text, and whether text is HTML.
/// </summary>
internal static class TextHeuristics
{
    /// <summary>How many leading bytes the checks read. A text file rarely turns binary after its first 8 KiB.</summary>
    public const int SampleLength = 8192;

    /// <summary>
    /// The maximum share of control bytes (other than tab, line feed, form feed, carriage return and escape) in text.
    /// Random binary data has about 11%.
    /// </summary>
    private const double MaxControlRatio = 0.02;

    /// <summary>
    /// The maximum share of bytes at or above 0x80 in text that is not valid UTF-8, so that a legacy single-byte
    /// encoding such as Windows-1252 still counts as text. Random binary data has about 50%; accented European prose
    /// has a few percent.
    /// </summary>
    private const double MaxLegacyHighByteRatio = 0.3;

    private static readonly SearchValues<byte> AllowedControls = SearchValues.Create("\t\n\f\r\u001b"u8);

    /// <summary>Returns whether the sample of <paramref name="bytes"/> looks like text in UTF-8 or a single-byte encoding.</summary>
    public static bool IsText(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..Math.Min(bytes.Length, SampleLength)];
        if (sample.Contains((byte)0))
        {
            return false;
        }

        var controlCount = 0;
        var highCount = 0;
        foreach (var value in sample)
        {
            if ((value < 0x20 || value == 0x7F) && !AllowedControls.Contains(value))
            {
                controlCount++;
            }
            else if (value >= 0x80)
            {
                highCount++;
            }
        }

        if (sample.Length > 0 && (double)controlCount / sample.Length > MaxControlRatio)
        {
            return false;
        }

        return IsUtf8(sample, cutAtEnd: sample.Length < bytes.Length)
            || (double)highCount / sample.Length <= MaxLegacyHighByteRatio;
    }

    /// <summary>
    /// Returns whether text starts with an HTML document type or an <c>html</c> element, after any XML declaration,
    /// comments and whitespace.
    /// </summary>
    public static bool IsHtml(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..Math.Min(bytes.Length, SampleLength)].TrimStart(" \t\r\n"u8);
        if (sample.IsEmpty || sample[0] != (byte)'<')
        {
            return false;
        }

        // Only ASCII matters here, so a Latin-1 view of the bytes is enough for a case-insensitive search.
        var head = Encoding.Latin1.GetString(sample);
        return head.Contains("<!doctype html", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<html", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsUtf8(ReadOnlySpan<byte> sample, bool cutAtEnd)
    {
        var remaining = sample;
        while (!remaining.IsEmpty)
        {
            var status = Rune.DecodeFromUtf8(remaining, out _, out var consumed);
            if (status == OperationStatus.NeedMoreData && cutAtEnd)
            {
                // The sample ended inside a multi-byte sequence, so the cut sequence is not counted as invalid.
                return true;
            }

            if (status != OperationStatus.Done)
            {
                return false;
            }

            remaining = remaining[consumed..];
        }

        return true;
    }
}
