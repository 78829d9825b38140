namespace RagAnything.Hosting.Documents;

/// <summary>
/// One uploaded file spooled to a temporary file, with its safe name, length and SHA-256. Disposing it deletes
/// the temporary file.
/// </summary>
internal sealed class SpooledUpload(string name, FileStream content, long length, string sha256) : IAsyncDisposable
{
    /// <summary>The number of leading bytes read for media type detection; every signature the sniffer knows fits.</summary>
    public const int HeadLength = 64 * 1024;

    public string Name { get; } = name;

    public long Length { get; } = length;

    public string Sha256 { get; } = sha256;

    /// <summary>Returns the content from its first byte. The stream stays owned by this instance.</summary>
    public Stream OpenContent()
    {
        content.Position = 0;
        return content;
    }

    public async Task<byte[]> ReadHeadAsync(CancellationToken cancellationToken)
    {
        var head = new byte[(int)Math.Min(Length, HeadLength)];
        content.Position = 0;
        await content.ReadExactlyAsync(head, cancellationToken).ConfigureAwait(false);
        return head;
    }

    public ValueTask DisposeAsync() => content.DisposeAsync();
}
