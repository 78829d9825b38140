namespace RagAnything.Hosting;

/// <summary>
/// Limits on uploaded documents. Each limit is enforced while the body is read, so an oversize upload is rejected
/// before it is stored.
/// </summary>
public sealed class UploadOptions
{
    /// <summary>The default per-file limit: 256 MiB, the same as the ingestion pipeline's default document limit.</summary>
    public const long DefaultMaxFileBytes = 256L * 1024 * 1024;

    /// <summary>The default per-request limit: 1 GiB, room for a batch of several large files.</summary>
    public const long DefaultMaxRequestBytes = 1024L * 1024 * 1024;

    /// <summary>The default number of files in one batch upload or batch process request.</summary>
    public const int DefaultMaxFilesPerBatch = 32;

    /// <summary>Gets or sets the largest file accepted, in bytes.</summary>
    /// <value>The default is <see cref="DefaultMaxFileBytes"/> (256 MiB).</value>
    public long MaxFileBytes { get; set; } = DefaultMaxFileBytes;

    /// <summary>Gets or sets the largest request body accepted by the upload routes, in bytes, multipart framing included.</summary>
    /// <value>The default is <see cref="DefaultMaxRequestBytes"/> (1 GiB).</value>
    public long MaxRequestBytes { get; set; } = DefaultMaxRequestBytes;

    /// <summary>Gets or sets how many files one batch request may carry.</summary>
    /// <value>The default is <see cref="DefaultMaxFilesPerBatch"/>.</value>
    public int MaxFilesPerBatch { get; set; } = DefaultMaxFilesPerBatch;

    /// <summary>Gets or sets the folder where uploads are spooled while they are read and hashed.</summary>
    /// <value>The default is <see langword="null"/>, which uses <see cref="Path.GetTempPath"/>.</value>
    public string? TempDirectory { get; set; }
}
