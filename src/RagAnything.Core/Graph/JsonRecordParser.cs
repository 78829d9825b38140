using System.Globalization;
using System.Text.Json;

namespace RagAnything.Graph;

/// <summary>
/// Reads entity and relation records from JSON model output, recovering what it can from output that strays from
/// the requested shape.
/// </summary>
/// <remarks>
/// The JSON may sit inside a markdown fence or prose, have trailing commas or comments, use either
/// <c>relations</c> or <c>relationships</c>, give keywords as a string or an array and weights as numbers or strings.
/// A root array of mixed records is accepted too: objects with a source and a target are relations. When no JSON can
/// be read, the output is tried as delimited records, because some models ignore the requested format.
/// </remarks>
internal static class JsonRecordParser
{
    private static readonly JsonDocumentOptions Tolerant = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 16,
    };

    public static ExtractionResult Parse(string output)
    {
        ArgumentNullException.ThrowIfNull(output);

        var json = SliceJson(output);
        if (json is null)
        {
            return DelimitedFallback(output);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Tolerant);
        }
        catch (JsonException)
        {
            return DelimitedFallback(output);
        }

        using (document)
        {
            var entities = new List<ExtractedEntity>();
            var relations = new List<ExtractedRelation>();
            var dropped = 0;

            foreach (var record in Records(document.RootElement))
            {
                var accepted = IsRelation(record) ? TryAddRelation(record, relations) : TryAddEntity(record, entities);
                dropped += accepted ? 0 : 1;
            }

            return new ExtractionResult(entities, relations, dropped);
        }
    }

    private static ExtractionResult DelimitedFallback(string output)
    {
        var delimited = DelimitedRecordParser.Parse(output);
        var found = delimited.Entities.Count + delimited.Relations.Count;

        // Output that is neither JSON nor records counts as one dropped response.
        return found == 0 && output.Trim().Length > 0 ? delimited with { DroppedRecords = delimited.DroppedRecords + 1 } : delimited;
    }

    private static string? SliceJson(string output)
    {
        var start = output.IndexOfAny(['{', '[']);
        var end = output.LastIndexOfAny(['}', ']']);
        return start >= 0 && end > start ? output[start..(end + 1)] : null;
    }

    private static IEnumerable<JsonElement> Records(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Array)
        {
            return root.EnumerateArray();
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return [];
        }

        var records = new List<JsonElement>();
        foreach (var property in root.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Array && property.Name.ToLowerInvariant() is "entities" or "relations" or "relationships")
            {
                records.AddRange(property.Value.EnumerateArray());
            }
        }

        return records;
    }

    private static bool IsRelation(JsonElement record)
        => record.ValueKind == JsonValueKind.Object && Text(record, "source", "src", "source_entity") is not null && Text(record, "target", "tgt", "target_entity") is not null;

    private static bool TryAddEntity(JsonElement record, List<ExtractedEntity> entities)
    {
        if (record.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        var name = EntityNames.Clean(Text(record, "name", "entity", "entity_name") ?? "");
        if (EntityNames.ToKey(name).Length == 0)
        {
            return false;
        }

        var type = Text(record, "type", "entity_type")?.Trim().ToLowerInvariant();
        var description = Text(record, "description", "desc")?.Trim() ?? "";
        entities.Add(new ExtractedEntity(name, string.IsNullOrEmpty(type) ? "unknown" : type, description));
        return true;
    }

    private static bool TryAddRelation(JsonElement record, List<ExtractedRelation> relations)
    {
        var source = EntityNames.Clean(Text(record, "source", "src", "source_entity") ?? "");
        var target = EntityNames.Clean(Text(record, "target", "tgt", "target_entity") ?? "");
        var sourceKey = EntityNames.ToKey(source);
        var targetKey = EntityNames.ToKey(target);
        if (sourceKey.Length == 0 || targetKey.Length == 0 || sourceKey == targetKey)
        {
            return false;
        }

        var keywords = Text(record, "keywords", "keyword") ?? "";
        var description = Text(record, "description", "desc")?.Trim() ?? "";
        var weight = RelationWeights.Sanitize(RelationWeights.TryParse(Text(record, "weight", "strength")));
        relations.Add(new ExtractedRelation(source, target, keywords.Trim(), description, weight));
        return true;
    }

    /// <summary>Returns the first of the named properties as text, matching names case-insensitively; arrays are joined with commas.</summary>
    private static string? Text(JsonElement record, params string[] names)
    {
        foreach (var property in record.EnumerateObject())
        {
            if (!names.Contains(property.Name, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            return property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Number => property.Value.GetDouble().ToString(CultureInfo.InvariantCulture),
                JsonValueKind.Array => string.Join(", ", property.Value.EnumerateArray().Where(item => item.ValueKind == JsonValueKind.String).Select(item => item.GetString())),
                _ => null,
            };
        }

        return null;
    }
}
