namespace RagAnything.Content;

/// <summary>
/// A rectangle on a page in the format's own units (PDF points for PDF), with the origin at the top left.
/// </summary>
/// <param name="Left">The left edge.</param>
/// <param name="Top">The top edge.</param>
/// <param name="Right">The right edge.</param>
/// <param name="Bottom">The bottom edge.</param>
public readonly record struct BoundingBox(double Left, double Top, double Right, double Bottom);
