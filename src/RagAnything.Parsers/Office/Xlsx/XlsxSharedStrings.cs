using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace RagAnything.Parsing;

/// <summary>
/// Reads the shared string table with <see cref="OpenXmlReader"/>, one string item at a time.
/// </summary>
internal static class XlsxSharedStrings
{
    public static List<string> Read(SharedStringTablePart? part, CancellationToken cancellationToken)
    {
        var strings = new List<string>();
        if (part is null)
        {
            return strings;
        }

        using var reader = OpenXmlReader.Create(part);
        var started = false;
        while (MoveToStart<SharedStringItem>(reader, ref started))
        {
            cancellationToken.ThrowIfCancellationRequested();
            strings.Add(TextOf((SharedStringItem)reader.LoadCurrentElement()!));
        }

        return strings;
    }

    /// <summary>Returns the visible text of a string item: its text and rich-text runs, without phonetic hints.</summary>
    public static string TextOf(OpenXmlElement item)
    {
        var builder = new StringBuilder();
        foreach (var child in item.ChildElements)
        {
            if (child is Text text)
            {
                builder.Append(text.Text);
            }
            else if (child is Run run)
            {
                builder.Append(run.Text?.Text);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Advances to the next start of a <typeparamref name="T"/> element, reading the first node when the reader has not
    /// started. <see cref="OpenXmlReader.LoadCurrentElement"/> leaves the reader on the node after the loaded element,
    /// so the current node is checked before the reader moves on.
    /// </summary>
    public static bool MoveToStart<T>(OpenXmlReader reader, ref bool started)
    {
        if (!started)
        {
            started = true;
            if (!reader.Read())
            {
                return false;
            }
        }

        while (!reader.EOF)
        {
            if (reader.IsStartElement && reader.ElementType == typeof(T))
            {
                return true;
            }

            if (!reader.Read())
            {
                return false;
            }
        }

        return false;
    }
}
