using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;

namespace RagAnything.Parsing;

/// <summary>
/// The vertical ruling lines of a page: stroked line segments and thin filled rectangles, as tables draw their
/// column borders.
/// </summary>
internal sealed class PdfRulingLines
{
    // A rectangle this thin (in points) is drawn as a line; Word and browsers draw table borders this way.
    private const double MaxRuleThickness = 2.0;

    private readonly List<(double X, double Bottom, double Top)> _verticals;

    private PdfRulingLines(List<(double X, double Bottom, double Top)> verticals)
    {
        _verticals = verticals;
    }

    public static PdfRulingLines None { get; } = new([]);

    public int VerticalCount => _verticals.Count;

    public static PdfRulingLines FromPage(Page page)
    {
        var verticals = new List<(double X, double Bottom, double Top)>();
        foreach (var path in page.Paths)
        {
            if (path.IsClipping || !(path.IsStroked || path.IsFilled))
            {
                continue;
            }

            foreach (var subpath in path)
            {
                var box = subpath.GetBoundingRectangle();
                if (box is not PdfRectangle rectangle)
                {
                    continue;
                }

                var width = Math.Abs(rectangle.Width);
                var height = Math.Abs(rectangle.Height);
                if (width <= MaxRuleThickness && height > 2 * MaxRuleThickness)
                {
                    verticals.Add((rectangle.Left + width / 2, Math.Min(rectangle.Bottom, rectangle.Top), Math.Max(rectangle.Bottom, rectangle.Top)));
                }
            }
        }

        return new PdfRulingLines(verticals);
    }

    /// <summary>Returns whether a vertical rule crosses the horizontal gap between two words on one line.</summary>
    public bool HasVerticalBetween(double left, double right, double bottom, double top)
    {
        var middle = (bottom + top) / 2;
        foreach (var (x, ruleBottom, ruleTop) in _verticals)
        {
            if (x >= left && x <= right && ruleBottom <= middle && ruleTop >= middle)
            {
                return true;
            }
        }

        return false;
    }
}
