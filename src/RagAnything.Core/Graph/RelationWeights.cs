using System.Globalization;

namespace RagAnything.Graph;

/// <summary>
/// Reads relation weights from model output, which may hold them as numbers, as strings or not at all.
/// </summary>
internal static class RelationWeights
{
    /// <summary>The weight of a relation whose weight is missing or unusable: one ordinary mention.</summary>
    public const double Default = 1.0;

    // A weight of 1e9 in model output must not let one chunk outweigh every other mention of a relation.
    private const double Maximum = 10.0;

    /// <summary>Parses a weight such as <c>0.8</c>, <c>"7"</c> or <c>weight: 3;</c>, or returns <see langword="null"/>.</summary>
    public static double? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim().Trim('"', '\'', ')', '(', ';', ',', '.', ' ');
        var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            trimmed = trimmed[(colon + 1)..].Trim();
        }

        return double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    /// <summary>Returns <paramref name="value"/> when it is a usable weight, capped at 10; otherwise the default weight.</summary>
    public static double Sanitize(double? value)
    {
        if (value is not { } weight || !double.IsFinite(weight) || weight <= 0)
        {
            return Default;
        }

        return Math.Min(weight, Maximum);
    }
}
