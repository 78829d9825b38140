namespace RagAnything.Parsing;

/// <summary>
/// What an image file's header states: its format and its size in pixels.
/// </summary>
/// <param name="MediaType">The media type of the detected format, such as <c>image/png</c>.</param>
/// <param name="Extension">The usual file extension of the format, without a dot.</param>
/// <param name="Width">The width in pixels; at least 1.</param>
/// <param name="Height">The height in pixels; at least 1.</param>
internal readonly record struct ImageHeader(string MediaType, string Extension, long Width, long Height)
{
    /// <summary>
    /// Gets the number of pixels. Each side is capped at <see cref="int.MaxValue"/> first, so the product cannot
    /// overflow; a capped value is far above any pixel limit anyway.
    /// </summary>
    public long PixelCount => Math.Min(Width, int.MaxValue) * Math.Min(Height, int.MaxValue);
}
