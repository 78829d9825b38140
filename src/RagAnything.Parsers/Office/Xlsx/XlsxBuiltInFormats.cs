using System.Collections.Frozen;

namespace RagAnything.Parsing;

/// <summary>
/// The number format codes that SpreadsheetML numbers 0 to 49 without storing them in the file (ECMA-376 Part 1,
/// 18.8.30), as Excel shows them in the en-US locale.
/// </summary>
/// <remarks>
/// Ids 5 to 8 and 41 to 44 are locale currency and accounting formats. They are rendered with the digits and sign
/// handling of the en-US form but without a currency symbol, because the file does not name the locale's currency.
/// Fraction formats (12, 13) fall back to General.
/// </remarks>
internal static class XlsxBuiltInFormats
{
    private static readonly FrozenDictionary<int, string> Codes = new Dictionary<int, string>
    {
        [0] = "General",
        [1] = "0",
        [2] = "0.00",
        [3] = "#,##0",
        [4] = "#,##0.00",
        [5] = "#,##0;(#,##0)",
        [6] = "#,##0;(#,##0)",
        [7] = "#,##0.00;(#,##0.00)",
        [8] = "#,##0.00;(#,##0.00)",
        [9] = "0%",
        [10] = "0.00%",
        [11] = "0.00E+00",
        [12] = "General",
        [13] = "General",
        [14] = "m/d/yyyy",
        [15] = "d-mmm-yy",
        [16] = "d-mmm",
        [17] = "mmm-yy",
        [18] = "h:mm AM/PM",
        [19] = "h:mm:ss AM/PM",
        [20] = "h:mm",
        [21] = "h:mm:ss",
        [22] = "m/d/yyyy h:mm",
        [37] = "#,##0 ;(#,##0)",
        [38] = "#,##0 ;(#,##0)",
        [39] = "#,##0.00;(#,##0.00)",
        [40] = "#,##0.00;(#,##0.00)",
        [41] = "#,##0;-#,##0;-",
        [42] = "#,##0;(#,##0);-",
        [43] = "#,##0.00;-#,##0.00;-",
        [44] = "#,##0.00;(#,##0.00);-",
        [45] = "mm:ss",
        [46] = "[h]:mm:ss",
        [47] = "mm:ss.0",
        [48] = "##0.0E+0",
        [49] = "@",
    }.ToFrozenDictionary();

    /// <summary>Returns the format code of a built-in id, or General for ids without one.</summary>
    public static string CodeOf(int id) => Codes.TryGetValue(id, out var code) ? code : "General";
}
