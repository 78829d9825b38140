using System.Runtime.InteropServices;

namespace RagAnything.Parsing;

/// <summary>
/// Wraps a document's bytes in a read-only stream, without copying them when they are backed by an array.
/// </summary>
internal static class OfficePackageStream
{
    public static MemoryStream Open(ReadOnlyMemory<byte> content)
    {
        if (MemoryMarshal.TryGetArray(content, out var segment) && segment.Array is not null)
        {
            return new MemoryStream(segment.Array, segment.Offset, segment.Count, writable: false);
        }

        return new MemoryStream(content.ToArray(), writable: false);
    }
}
