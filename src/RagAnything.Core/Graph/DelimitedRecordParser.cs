namespace RagAnything.Graph;

/// <summary>
/// Reads entity and relation records written one per line with <c>&lt;|&gt;</c> between fields, recovering what it can
/// from output that strays from the format.
/// </summary>
/// <remarks>
/// Lines without a separator are taken as prose and skipped, unless they start like a record, which is then counted
/// as dropped. Bullets, numbering, brackets and quotes around a record or a field are removed. An entity needs a name;
/// a missing type becomes <c>unknown</c> and extra fields are joined into the description. A relation needs two
/// different endpoints; a weight that is missing or not a positive number becomes 1.
/// </remarks>
internal static class DelimitedRecordParser
{
    public const string FieldSeparator = "<|>";

    public static ExtractionResult Parse(string output)
    {
        ArgumentNullException.ThrowIfNull(output);

        var entities = new List<ExtractedEntity>();
        var relations = new List<ExtractedRelation>();
        var dropped = 0;

        foreach (var rawLine in output.Split('\n'))
        {
            var line = StripDecoration(rawLine);
            if (line.Length == 0)
            {
                continue;
            }

            if (!line.Contains(FieldSeparator, StringComparison.Ordinal))
            {
                dropped += LooksLikeRecord(line) ? 1 : 0;
                continue;
            }

            var fields = line.Split(FieldSeparator).Select(CleanField).ToList();
            var tag = fields[0].ToLowerInvariant();
            var accepted = tag switch
            {
                "entity" => TryAddEntity(fields, entities),
                "relation" or "relationship" => TryAddRelation(fields, relations),
                _ => false,
            };

            dropped += accepted ? 0 : 1;
        }

        return new ExtractionResult(entities, relations, dropped);
    }

    private static bool TryAddEntity(List<string> fields, List<ExtractedEntity> entities)
    {
        var name = fields.Count > 1 ? EntityNames.Clean(fields[1]) : "";
        if (EntityNames.ToKey(name).Length == 0)
        {
            return false;
        }

        var type = fields.Count > 2 && fields[2].Length > 0 ? fields[2].ToLowerInvariant() : "unknown";
        var description = string.Join(' ', fields.Skip(3).Where(field => field.Length > 0));
        entities.Add(new ExtractedEntity(name, type, description));
        return true;
    }

    private static bool TryAddRelation(List<string> fields, List<ExtractedRelation> relations)
    {
        var source = fields.Count > 1 ? EntityNames.Clean(fields[1]) : "";
        var target = fields.Count > 2 ? EntityNames.Clean(fields[2]) : "";
        var sourceKey = EntityNames.ToKey(source);
        var targetKey = EntityNames.ToKey(target);
        if (sourceKey.Length == 0 || targetKey.Length == 0 || sourceKey == targetKey)
        {
            return false;
        }

        // The weight is the last field when it reads as a number; otherwise every remaining field is text.
        var rest = fields.Skip(3).ToList();
        double? weight = null;
        if (rest.Count >= 2 && RelationWeights.TryParse(rest[^1]) is { } parsed)
        {
            weight = parsed;
            rest.RemoveAt(rest.Count - 1);
        }
        else if (rest.Count >= 3)
        {
            // A sixth field that is not a number is a bad weight, not more description.
            rest.RemoveAt(rest.Count - 1);
        }

        var keywords = rest.Count > 0 ? rest[0] : "";
        var description = string.Join(' ', rest.Skip(1).Where(field => field.Length > 0));
        relations.Add(new ExtractedRelation(source, target, keywords, description, RelationWeights.Sanitize(weight)));
        return true;
    }

    private static string StripDecoration(string line)
    {
        var text = line.Trim();
        if (text.StartsWith("```", StringComparison.Ordinal))
        {
            return "";
        }

        // List markers such as "- ", "* ", "3. " or "3) " in front of a record.
        text = text.TrimStart('-', '*', '•', ' ');
        var digits = 0;
        while (digits < text.Length && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }

        if (digits > 0 && digits + 1 < text.Length && text[digits] is '.' or ')' && text[digits + 1] == ' ')
        {
            text = text[(digits + 2)..];
        }

        return text.Trim().Trim('(', ')', '[', ']', '{', '}', ';', ',').Trim();
    }

    private static string CleanField(string field) => field.Trim().Trim('"', '\'', '`', '(', ')', '“', '”').Trim();

    private static bool LooksLikeRecord(string line)
    {
        foreach (var tag in (string[])["entity", "relation"])
        {
            if (line.StartsWith(tag, StringComparison.OrdinalIgnoreCase) && line.Length > tag.Length + 1
                && line.AsSpan(tag.Length).IndexOfAny(":|\t,") is >= 0 and <= 8)
            {
                return true;
            }
        }

        return false;
    }
}
