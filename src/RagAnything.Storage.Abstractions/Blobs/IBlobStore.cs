namespace RagAnything.Storage.Blobs;

/// <summary>
/// Stores binary objects such as original documents and extracted images.
/// Implementations are safe for concurrent use. Keys are chosen by the library, never by a client.
/// </summary>
public interface IBlobStore
{
    /// <summary>Writes <paramref name="content"/> under <paramref name="key"/>, replacing any existing object.</summary>
    ValueTask WriteAsync(string key, Stream content, CancellationToken cancellationToken = default);

    /// <summary>Opens an object for reading, or returns <see langword="null"/> when the key is absent.</summary>
    ValueTask<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Returns whether an object exists.</summary>
    ValueTask<bool> ExistsAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Removes an object. Removing an absent key does nothing.</summary>
    ValueTask DeleteAsync(string key, CancellationToken cancellationToken = default);
}
