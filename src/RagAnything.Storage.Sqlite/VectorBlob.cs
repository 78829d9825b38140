using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace RagAnything.Storage.Sqlite;

/// <summary>Encodes vectors as BLOBs of little-endian float32 values, whatever the machine's byte order.</summary>
internal static class VectorBlob
{
    public static byte[] Encode(ReadOnlySpan<float> vector)
    {
        byte[] bytes = new byte[vector.Length * sizeof(float)];
        if (BitConverter.IsLittleEndian)
        {
            MemoryMarshal.AsBytes(vector).CopyTo(bytes);
            return bytes;
        }

        for (int i = 0; i < vector.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), vector[i]);
        }

        return bytes;
    }

    /// <exception cref="InvalidDataException">The BLOB's length does not match <paramref name="destination"/>.</exception>
    public static void Decode(ReadOnlySpan<byte> bytes, Span<float> destination, string collection, string id)
    {
        if (bytes.Length != destination.Length * sizeof(float))
        {
            throw new InvalidDataException(
                $"Vector '{id}' in collection '{collection}' is stored as {bytes.Length} bytes, but the collection's " +
                $"dimension {destination.Length} needs {destination.Length * sizeof(float)}. The database file is damaged.");
        }

        if (BitConverter.IsLittleEndian)
        {
            MemoryMarshal.Cast<byte, float>(bytes).CopyTo(destination);
            return;
        }

        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(i * sizeof(float))..]);
        }
    }
}
