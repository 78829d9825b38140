namespace RagAnything.Parsing;

/// <summary>
/// Settings of <see cref="ImageParser"/>.
/// </summary>
public sealed class ImageParserOptions
{
    /// <summary>
    /// The default pixel limit: 100 megapixels. That is above a 50-megapixel camera photo or an A4 page scanned at
    /// 600 dpi (about 35 megapixels), while a decoded 100-megapixel RGBA image already takes 400 MB in the OCR engine.
    /// </summary>
    public const long DefaultMaxPixels = 100_000_000;

    /// <summary>
    /// Gets or sets the largest image, in pixels (width times height), that is accepted. Larger images are rejected
    /// from their header alone, before any pixel is decoded.
    /// </summary>
    /// <value>The default is <see cref="DefaultMaxPixels"/> (100,000,000).</value>
    public long MaxPixels { get; set; } = DefaultMaxPixels;

    /// <summary>
    /// Gets or sets a value indicating whether images are sent to the registered chat client for a description.
    /// The chat model must accept images; when the call fails, the parser logs the error and keeps the OCR text.
    /// </summary>
    /// <value>The default is <see langword="true"/>; it has no effect when no chat client is registered.</value>
    public bool DescribeWithChatClient { get; set; } = true;
}
