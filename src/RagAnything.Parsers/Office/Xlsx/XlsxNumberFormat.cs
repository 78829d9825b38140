using System.Globalization;
using System.Text;

namespace RagAnything.Parsing;

/// <summary>
/// One parsed SpreadsheetML number format code, which renders a cell value as Excel shows it (en-US conventions).
/// </summary>
/// <remarks>
/// Numeric sections are translated to .NET custom numeric format strings, which share Excel's placeholders
/// (<c>0 # . , % E+</c>), quoting and section rules. Date and time sections are rendered token by token. Colors,
/// conditions and locale tags in brackets are dropped, except a currency symbol such as <c>[$€-407]</c>. Fractions
/// and other codes that .NET cannot express render as General.
/// </remarks>
internal sealed class XlsxNumberFormat
{
    private readonly List<string> _sections;
    private readonly bool _isDate;
    private readonly bool _isText;

    private XlsxNumberFormat(string code)
    {
        _sections = XlsxFormatSections.Split(code).Select(XlsxFormatSections.Clean).ToList();
        _isDate = _sections.Count > 0 && XlsxDateFormatter.IsDateFormat(_sections[0]);
        _isText = code == "@";
    }

    /// <summary>Gets whether the format shows dates or times, so a numeric value is a serial date.</summary>
    public bool IsDate => _isDate;

    public static XlsxNumberFormat Parse(string code) => new(code);

    public string Format(double value, bool date1904)
    {
        if (_sections.Count == 0 || _isText || string.Equals(_sections[0], "General", StringComparison.OrdinalIgnoreCase))
        {
            return General(value);
        }

        if (_isDate)
        {
            return XlsxDateFormatter.TryFormat(value, _sections[0], date1904, out var text) ? text : General(value);
        }

        if (_sections[0].Contains('/', StringComparison.Ordinal) && _sections[0].Contains('?', StringComparison.Ordinal))
        {
            // Fractions such as "# ?/?" have no .NET equivalent.
            return General(value);
        }

        // .NET reads at most three sections (positive, negative, zero); Excel's fourth applies to text only.
        var netFormat = string.Join(";", _sections.Take(3).Select(section => section.Replace('?', '#').Replace("General", "0.##########", StringComparison.OrdinalIgnoreCase)));
        try
        {
            return value.ToString(netFormat, CultureInfo.InvariantCulture);
        }
        catch (FormatException)
        {
            return General(value);
        }
    }

    /// <summary>Renders like Excel's General format: up to 15 significant digits, scientific only for extreme values.</summary>
    public static string General(double value)
    {
        if (value == 0)
        {
            return "0";
        }

        var magnitude = Math.Abs(value);
        if (magnitude >= 1e15 || magnitude < 1e-9)
        {
            return value.ToString("0.#####E+00", CultureInfo.InvariantCulture);
        }

        var rounded = double.Parse(value.ToString("G15", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return rounded.ToString("0.###############", CultureInfo.InvariantCulture);
    }
}
