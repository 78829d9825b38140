using System.Buffers;
using System.IO.Pipelines;
using System.Security.Cryptography;
using CommunityToolkit.HighPerformance.Buffers;

namespace RagAnything.Ingestion.Engine;

/// <summary>
/// Reads a file through a <see cref="PipeReader"/> into a pooled buffer, hashing it on the way, so ingesting many
/// files rents and returns buffers instead of allocating one array per file and hashing it in a second pass.
/// </summary>
internal static class PooledFileReader
{
    /// <summary>
    /// Returns the file's bytes in a pooled buffer that the caller disposes, and their lowercase hexadecimal SHA-256.
    /// </summary>
    public static async Task<(MemoryOwner<byte> Content, string Sha256)> ReadAsync(string path, long expectedLength, CancellationToken cancellationToken)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (stream.ConfigureAwait(false))
        {
            var reader = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 81920, leaveOpen: true));
            var owner = MemoryOwner<byte>.Allocate(checked((int)expectedLength));
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var written = 0;

            try
            {
                while (true)
                {
                    var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                    var buffer = result.Buffer;

                    foreach (var segment in buffer)
                    {
                        // A file that grew since its length was read would overflow the buffer, so it is rejected.
                        if (written + segment.Length > owner.Length)
                        {
                            throw new IOException($"File '{path}' grew while it was being read. Ingest it again once it is complete.");
                        }

                        segment.Span.CopyTo(owner.Span[written..]);
                        hash.AppendData(segment.Span);
                        written += segment.Length;
                    }

                    reader.AdvanceTo(buffer.End);
                    if (result.IsCompleted)
                    {
                        break;
                    }
                }

                await reader.CompleteAsync().ConfigureAwait(false);
                var content = written == owner.Length ? owner : owner.Slice(0, written);
                return (content, Convert.ToHexStringLower(hash.GetHashAndReset()));
            }
            catch
            {
                owner.Dispose();
                throw;
            }
        }
    }
}
