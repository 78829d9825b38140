using System.Collections.Concurrent;
using RagAnything.Storage.Blobs;

namespace RagAnything.Storage.InMemory;

/// <summary>
/// An <see cref="IBlobStore"/> that keeps every object as a byte array in process memory.
/// Nothing survives the process, and each object must fit in one array (about 2 GB).
/// </summary>
/// <remarks>Safe for concurrent use. A reader sees either the old or the new object, never a partial write.</remarks>
public sealed class InMemoryBlobStore : IBlobStore
{
    private readonly ConcurrentDictionary<string, byte[]> _blobs = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public async ValueTask WriteAsync(string key, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(content);

        // Read the whole object before publishing it, so readers never see a half-written one.
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        _blobs[key] = buffer.ToArray();
    }

    /// <inheritdoc/>
    public ValueTask<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        cancellationToken.ThrowIfCancellationRequested();

        // Stored arrays are never changed after they are published, so a read-only view needs no copy.
        Stream? stream = _blobs.TryGetValue(key, out byte[]? bytes) ? new MemoryStream(bytes, writable: false) : null;
        return ValueTask.FromResult(stream);
    }

    /// <inheritdoc/>
    public ValueTask<bool> ExistsAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        cancellationToken.ThrowIfCancellationRequested();

        return ValueTask.FromResult(_blobs.ContainsKey(key));
    }

    /// <inheritdoc/>
    public ValueTask DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        cancellationToken.ThrowIfCancellationRequested();

        _blobs.TryRemove(key, out _);
        return ValueTask.CompletedTask;
    }
}
