using System.Globalization;
using System.Text;

namespace RagAnything.Parsing;

/// <summary>
/// Renders serial date values with date and time format sections such as <c>d-mmm-yy</c> or <c>[h]:mm:ss</c>.
/// </summary>
/// <remarks>
/// Serial dates count days from 1899-12-30 (with Excel's fictitious 1900-02-29 as day 60), or from 1904-01-01 in
/// workbooks that use the 1904 date system. The letter <c>m</c> means minutes right after an hour or right before a
/// second token, and months otherwise, as in Excel.
/// </remarks>
internal static class XlsxDateFormatter
{
    // The largest serial Excel accepts: 9999-12-31.
    private const double MaxSerial = 2958465.99999;

    public static bool IsDateFormat(string section)
    {
        foreach (var (kind, _) in Tokenize(section))
        {
            if (kind is 'y' or 'm' or 'd' or 'h' or 's')
            {
                return true;
            }
        }

        return false;
    }

    public static bool TryFormat(double serial, string section, bool date1904, out string text)
    {
        text = string.Empty;
        if (serial < 0 || serial > MaxSerial)
        {
            return false;
        }

        var date = ToDateTime(serial, date1904);
        var tokens = Tokenize(section).ToList();
        var twelveHour = tokens.Any(token => token.Kind == 'a');
        var builder = new StringBuilder();
        for (var index = 0; index < tokens.Count; index++)
        {
            var (kind, value) = tokens[index];
            builder.Append(kind switch
            {
                'y' => value.Length <= 2 ? date.ToString("yy", CultureInfo.InvariantCulture) : date.Year.ToString("D4", CultureInfo.InvariantCulture),
                'm' when IsMinute(tokens, index) => Pad(date.Minute, value.Length),
                'm' => Month(date, value.Length),
                'd' => value.Length switch
                {
                    1 or 2 => Pad(date.Day, value.Length),
                    3 => date.ToString("ddd", CultureInfo.InvariantCulture),
                    _ => date.ToString("dddd", CultureInfo.InvariantCulture),
                },
                'h' => Pad(twelveHour ? ((date.Hour + 11) % 12) + 1 : date.Hour, value.Length),
                'H' => Pad((int)Math.Floor(serial * 24), value.Length - 2),
                'M' => Pad((int)Math.Floor(serial * 24 * 60), value.Length - 2),
                'S' => Pad((int)Math.Floor(serial * 24 * 60 * 60), value.Length - 2),
                's' => Pad(date.Second, value.Length),
                'f' => (date.Millisecond / 1000.0).ToString("." + new string('0', value.Length - 1), CultureInfo.InvariantCulture).TrimStart('0'),
                'a' => AmPm(date, value),
                _ => value,
            });
        }

        text = builder.ToString();
        return true;
    }

    private static DateTime ToDateTime(double serial, bool date1904)
    {
        // Rounding to the millisecond hides the binary fraction error of values such as 0.1 days.
        var milliseconds = Math.Round(serial * 86_400_000);
        if (date1904)
        {
            return new DateTime(1904, 1, 1).AddMilliseconds(milliseconds);
        }

        // Excel treats 1900 as a leap year, so serials below 60 count from 1899-12-31 and later ones from 1899-12-30.
        // Serial 60 is the fictitious 1900-02-29, shown here as 1900-02-28.
        if (serial < 60)
        {
            return new DateTime(1899, 12, 31).AddMilliseconds(milliseconds);
        }

        return serial < 61
            ? new DateTime(1899, 12, 31).AddMilliseconds(milliseconds - 86_400_000)
            : new DateTime(1899, 12, 30).AddMilliseconds(milliseconds);
    }

    private static bool IsMinute(List<(char Kind, string Value)> tokens, int index)
    {
        if (tokens[index].Value.Length > 2)
        {
            return false;
        }

        var previous = tokens.Take(index).LastOrDefault(token => token.Kind is 'y' or 'm' or 'd' or 'h' or 'H' or 's');
        var next = tokens.Skip(index + 1).FirstOrDefault(token => token.Kind is 'y' or 'm' or 'd' or 'h' or 'H' or 's');
        return previous.Kind is 'h' or 'H' || next.Kind == 's';
    }

    private static string Month(DateTime date, int length) => length switch
    {
        1 or 2 => Pad(date.Month, length),
        3 => date.ToString("MMM", CultureInfo.InvariantCulture),
        4 => date.ToString("MMMM", CultureInfo.InvariantCulture),
        _ => date.ToString("MMMM", CultureInfo.InvariantCulture)[..1],
    };

    private static string AmPm(DateTime date, string token)
    {
        var am = date.Hour < 12;
        if (token.Length > 3)
        {
            return am ? "AM" : "PM";
        }

        // A/P shows the letter before or after the slash, in the case the format uses.
        return am ? token[..1] : token[2..3];
    }

    private static string Pad(int value, int width) => value.ToString(width >= 2 ? "D2" : "D1", CultureInfo.InvariantCulture);

    /// <summary>
    /// Splits a date section into tokens: date parts by letter (<c>H</c>, <c>M</c>, <c>S</c> for elapsed time in
    /// brackets, <c>f</c> for fractions of a second, <c>a</c> for AM/PM) and literals (kind <c>'\0'</c>).
    /// </summary>
    private static IEnumerable<(char Kind, string Value)> Tokenize(string section)
    {
        var index = 0;
        while (index < section.Length)
        {
            var character = section[index];
            var lower = char.ToLowerInvariant(character);
            if (character == '"')
            {
                var closing = section.IndexOf('"', index + 1);
                closing = closing < 0 ? section.Length : closing;
                yield return ('\0', section[(index + 1)..closing]);
                index = closing + 1;
            }
            else if (character == '\\' && index + 1 < section.Length)
            {
                yield return ('\0', section[index + 1].ToString());
                index += 2;
            }
            else if (character == '[')
            {
                var closing = section.IndexOf(']', index);
                closing = closing < 0 ? section.Length - 1 : closing;
                var inner = section[index..(closing + 1)];
                yield return (char.ToUpperInvariant(inner.Length > 1 ? inner[1] : 'h'), inner);
                index = closing + 1;
            }
            else if (section.AsSpan(index).StartsWith("AM/PM", StringComparison.OrdinalIgnoreCase))
            {
                yield return ('a', "AM/PM");
                index += 5;
            }
            else if (section.AsSpan(index).StartsWith("A/P", StringComparison.OrdinalIgnoreCase))
            {
                yield return ('a', section.Substring(index, 3));
                index += 3;
            }
            else if (lower is 'y' or 'm' or 'd' or 'h' or 's')
            {
                var length = 1;
                while (index + length < section.Length && char.ToLowerInvariant(section[index + length]) == lower)
                {
                    length++;
                }

                yield return (lower, section.Substring(index, length));
                index += length;
            }
            else if (character == '.' && index + 1 < section.Length && section[index + 1] == '0')
            {
                var length = 1;
                while (index + length < section.Length && section[index + length] == '0')
                {
                    length++;
                }

                yield return ('f', section.Substring(index, length));
                index += length;
            }
            else
            {
                yield return ('\0', character.ToString());
                index++;
            }
        }
    }
}
