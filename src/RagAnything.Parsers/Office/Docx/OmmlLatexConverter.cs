using System.Text;
using DocumentFormat.OpenXml;

namespace RagAnything.Parsing;

/// <summary>
/// Turns Office Math (OMML, <c>m:oMath</c> and <c>m:oMathPara</c>) into linear LaTeX, such as <c>\frac{a}{b}</c> or
/// <c>x^{2}</c>.
/// </summary>
/// <remarks>
/// Elements are matched by their OMML local names rather than OpenXml's typed classes, so that unknown or
/// vendor-extended elements still contribute the text they contain. The output aims to be readable and searchable
/// LaTeX. It may not compile, for example where a document uses symbols that have no LaTeX command.
/// </remarks>
internal static class OmmlLatexConverter
{
    private const string MathNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/math";

    public static string Convert(OpenXmlElement math)
    {
        var builder = new StringBuilder();
        Append(builder, math);
        return OmmlSymbols.Tidy(builder.ToString());
    }

    private static void Append(StringBuilder builder, OpenXmlElement element)
    {
        switch (element.LocalName)
        {
            case "t":
                builder.Append(OmmlSymbols.Escape(element.InnerText));
                break;
            case "f":
                builder.Append(@"\frac{").Append(Child(element, "num")).Append("}{").Append(Child(element, "den")).Append('}');
                break;
            case "sSup":
                builder.Append(Group(Child(element, "e"))).Append("^{").Append(Child(element, "sup")).Append('}');
                break;
            case "sSub":
                builder.Append(Group(Child(element, "e"))).Append("_{").Append(Child(element, "sub")).Append('}');
                break;
            case "sSubSup":
                builder.Append(Group(Child(element, "e"))).Append("_{").Append(Child(element, "sub")).Append("}^{").Append(Child(element, "sup")).Append('}');
                break;
            case "sPre":
                builder.Append("{}_{").Append(Child(element, "sub")).Append("}^{").Append(Child(element, "sup")).Append('}').Append(Group(Child(element, "e")));
                break;
            case "rad":
                AppendRadical(builder, element);
                break;
            case "nary":
                AppendNary(builder, element);
                break;
            case "d":
                AppendDelimiter(builder, element);
                break;
            case "m":
                AppendRows(builder, element, "mr", @"\begin{matrix}", @"\end{matrix}");
                break;
            case "eqArr":
                builder.Append(@"\begin{aligned}").Append(string.Join(@" \\ ", Children(element, "e").Select(Convert))).Append(@"\end{aligned}");
                break;
            case "func":
                builder.Append(OmmlSymbols.FunctionName(Child(element, "fName"))).Append(' ').Append(Group(Child(element, "e")));
                break;
            case "acc":
                builder.Append(OmmlSymbols.Accent(Property(element, "accPr", "chr"))).Append('{').Append(Child(element, "e")).Append('}');
                break;
            case "bar":
                builder.Append(Property(element, "barPr", "pos") == "top" ? @"\overline{" : @"\underline{").Append(Child(element, "e")).Append('}');
                break;
            case "groupChr":
                builder.Append(Property(element, "groupChrPr", "pos") == "top" ? @"\overbrace{" : @"\underbrace{").Append(Child(element, "e")).Append('}');
                break;
            case "limLow":
                builder.Append(OmmlSymbols.FunctionName(Child(element, "e"))).Append("_{").Append(Child(element, "lim")).Append('}');
                break;
            case "limUpp":
                builder.Append(OmmlSymbols.FunctionName(Child(element, "e"))).Append("^{").Append(Child(element, "lim")).Append('}');
                break;
            case "oMathPara":
                builder.Append(string.Join(@" \\ ", Children(element, "oMath").Select(Convert)));
                break;
            default:
                AppendChildren(builder, element);
                break;
        }
    }

    private static void AppendChildren(StringBuilder builder, OpenXmlElement element)
    {
        foreach (var child in element.ChildElements)
        {
            // Property elements (rPr, fPr, ...) and w:rPr inside math runs contain formatting only.
            if (!child.LocalName.EndsWith("Pr", StringComparison.Ordinal))
            {
                Append(builder, child);
            }
        }
    }

    private static void AppendRadical(StringBuilder builder, OpenXmlElement element)
    {
        var degree = Child(element, "deg");
        builder.Append(@"\sqrt");
        if (degree.Length > 0 && Property(element, "radPr", "degHide") is not ("1" or "on" or "true"))
        {
            builder.Append('[').Append(degree).Append(']');
        }

        builder.Append('{').Append(Child(element, "e")).Append('}');
    }

    private static void AppendNary(StringBuilder builder, OpenXmlElement element)
    {
        builder.Append(OmmlSymbols.NaryOperator(Property(element, "naryPr", "chr")));

        var lower = Child(element, "sub");
        if (lower.Length > 0)
        {
            builder.Append("_{").Append(lower).Append('}');
        }

        var upper = Child(element, "sup");
        if (upper.Length > 0)
        {
            builder.Append("^{").Append(upper).Append('}');
        }

        builder.Append(' ').Append(Child(element, "e"));
    }

    private static void AppendDelimiter(StringBuilder builder, OpenXmlElement element)
    {
        // OMML defaults: parentheses around the arguments and a vertical bar between them. An empty value means none.
        var begin = Property(element, "dPr", "begChr") ?? "(";
        var end = Property(element, "dPr", "endChr") ?? ")";
        var separator = Property(element, "dPr", "sepChr") ?? "|";

        builder.Append(@"\left").Append(OmmlSymbols.Delimiter(begin));
        builder.Append(string.Join(OmmlSymbols.Escape(separator), Children(element, "e").Select(Convert)));
        builder.Append(@"\right").Append(OmmlSymbols.Delimiter(end));
    }

    private static void AppendRows(StringBuilder builder, OpenXmlElement element, string rowName, string open, string close)
    {
        var rows = Children(element, rowName).Select(row => string.Join(" & ", Children(row, "e").Select(Convert)));
        builder.Append(open).Append(string.Join(@" \\ ", rows)).Append(close);
    }

    private static string Child(OpenXmlElement element, string localName)
    {
        var child = Children(element, localName).FirstOrDefault();
        return child is null ? string.Empty : Convert(child);
    }

    private static IEnumerable<OpenXmlElement> Children(OpenXmlElement element, string localName) =>
        element.ChildElements.Where(child => child.LocalName == localName && child.NamespaceUri == MathNamespace);

    /// <summary>Returns the <c>m:val</c> of a property such as <c>m:naryPr/m:chr</c>, or null when it is absent.</summary>
    private static string? Property(OpenXmlElement element, string propertiesName, string propertyName)
    {
        var property = Children(element, propertiesName).SelectMany(properties => Children(properties, propertyName)).FirstOrDefault();
        if (property is null)
        {
            return null;
        }

        // A toggle such as <m:degHide/> without m:val means "on".
        foreach (var attribute in property.GetAttributes())
        {
            if (attribute.LocalName == "val")
            {
                return attribute.Value ?? string.Empty;
            }
        }

        return "1";
    }

    /// <summary>Braces a base of more than one character, so <c>x+1</c> squared reads <c>{x+1}^{2}</c>.</summary>
    private static string Group(string text) => text.Length <= 1 ? text : "{" + text + "}";
}
