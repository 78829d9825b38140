using System.Text;

namespace RagAnything.Graph;

/// <summary>
/// The instructions sent to the chat model for entity and relation extraction.
/// </summary>
/// <remarks>Changing any text here changes what the model returns, so bump <see cref="Version"/> with it.</remarks>
internal static class ExtractionPrompts
{
    /// <summary>The prompt version, part of every cached result's key.</summary>
    public const string Version = "v1";

    public const string GleaningRequest =
        "Read the text once more. Some entities or relations may be missing from your list. " +
        "Write only the missing ones, in exactly the same format as before. If nothing is missing, write nothing.";

    public static string BuildInstructions(IEnumerable<string> entityTypes, ExtractionFormat format)
    {
        var prompt = new StringBuilder();
        prompt.AppendLine("You build a knowledge graph from documents. Read the text the user sends and list:");
        prompt.AppendLine("1. Every named entity of these types: " + string.Join(", ", entityTypes) + ".");
        prompt.AppendLine("   Give its name as the text writes it, its type from the list, and one or two sentences on what the text says about it.");
        prompt.AppendLine("   Do not list bare dates, amounts or other numbers as entities; mention them in descriptions instead.");
        prompt.AppendLine("2. Every relation the text states between two of those entities: both names exactly as you listed them,");
        prompt.AppendLine("   a few comma-separated keywords for the kind of relation, one sentence that explains it,");
        prompt.AppendLine("   and a strength from 1 (mentioned in passing) to 10 (central to the text).");
        prompt.AppendLine("Use only facts from the text. Write in the language of the text.");
        prompt.AppendLine();

        if (format == ExtractionFormat.Json)
        {
            prompt.AppendLine("Answer with one JSON object and nothing else, shaped like this:");
            prompt.AppendLine("{\"entities\": [{\"name\": \"...\", \"type\": \"...\", \"description\": \"...\"}],");
            prompt.AppendLine(" \"relations\": [{\"source\": \"...\", \"target\": \"...\", \"keywords\": \"...\", \"description\": \"...\", \"weight\": 5}]}");
        }
        else
        {
            prompt.AppendLine("Write one record per line and nothing else, with fields separated by <|>:");
            prompt.AppendLine("entity<|>NAME<|>TYPE<|>DESCRIPTION");
            prompt.AppendLine("relation<|>SOURCE NAME<|>TARGET NAME<|>KEYWORDS<|>DESCRIPTION<|>STRENGTH");
        }

        return prompt.ToString();
    }
}
