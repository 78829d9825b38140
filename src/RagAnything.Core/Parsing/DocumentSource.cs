using System.Security.Cryptography;

namespace RagAnything.Parsing;

/// <summary>
/// The bytes of one document to ingest, with the name it was given.
/// </summary>
/// <remarks>
/// The name is reduced to its file-name part: directories and control characters are dropped, so a client-supplied
/// name can never choose a storage path.
/// </remarks>
public sealed class DocumentSource
{
    private string? _sha256;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="name">The file name, such as <c>report.pdf</c>. Directory parts are removed.</param>
    /// <param name="content">The document's bytes. The instance keeps a reference and does not copy them.</param>
    public DocumentSource(string name, ReadOnlyMemory<byte> content)
    {
        ArgumentNullException.ThrowIfNull(name);

        Name = SafeFileName.From(name);
        Content = content;
    }

    /// <summary>Initializes a new instance whose SHA-256 the caller already computed, for example while reading a stream.</summary>
    /// <param name="name">The file name, such as <c>report.pdf</c>. Directory parts are removed.</param>
    /// <param name="content">The document's bytes. The instance keeps a reference and does not copy them.</param>
    /// <param name="sha256">The lowercase hexadecimal SHA-256 of <paramref name="content"/>. It is trusted, not checked.</param>
    public DocumentSource(string name, ReadOnlyMemory<byte> content, string sha256)
        : this(name, content)
    {
        ArgumentException.ThrowIfNullOrEmpty(sha256);

        _sha256 = sha256;
    }

    /// <summary>Gets the safe file name.</summary>
    public string Name { get; }

    /// <summary>Gets the document's bytes.</summary>
    public ReadOnlyMemory<byte> Content { get; }

    /// <summary>Gets the lowercase hexadecimal SHA-256 of <see cref="Content"/>, computed once.</summary>
    public string Sha256 => _sha256 ??= Convert.ToHexStringLower(SHA256.HashData(Content.Span));

    /// <summary>Reads a file into a new source named after the file.</summary>
    public static async Task<DocumentSource> FromFileAsync(string path, CancellationToken cancellationToken = default)
    {
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        return new DocumentSource(Path.GetFileName(path), bytes);
    }
}
