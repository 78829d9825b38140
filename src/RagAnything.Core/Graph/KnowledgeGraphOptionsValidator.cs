using Microsoft.Extensions.Options;

namespace RagAnything.Graph;

/// <summary>
/// Checks every setting of <see cref="KnowledgeGraphOptions"/> and reports all invalid ones at once, each with its value.
/// </summary>
internal sealed class KnowledgeGraphOptionsValidator : IValidateOptions<KnowledgeGraphOptions>
{
    public ValidateOptionsResult Validate(string? name, KnowledgeGraphOptions options)
    {
        var failures = new List<string>();

        if (options.EntityTypes is null || options.EntityTypes.Count == 0 || options.EntityTypes.Any(string.IsNullOrWhiteSpace))
        {
            failures.Add("KnowledgeGraph:EntityTypes is empty or contains an empty type; list at least one entity type.");
        }

        if (!Enum.IsDefined(options.Format))
        {
            failures.Add($"KnowledgeGraph:Format is {(int)options.Format}; it must be Delimited or Json.");
        }

        AddIfOutOfRange(failures, "GleaningRounds", options.GleaningRounds, 0, 5);
        AddIfOutOfRange(failures, "MaxEntitiesPerChunk", options.MaxEntitiesPerChunk, 1, 1000);
        AddIfOutOfRange(failures, "MaxRelationsPerChunk", options.MaxRelationsPerChunk, 0, 1000);
        AddIfOutOfRange(failures, "OfflineMaxEntitiesPerChunk", options.OfflineMaxEntitiesPerChunk, 1, 1000);
        AddIfOutOfRange(failures, "OfflineMaxRelationsPerChunk", options.OfflineMaxRelationsPerChunk, 0, 1000);
        AddIfOutOfRange(failures, "MaxConcurrentExtractions", options.MaxConcurrentExtractions, 1, 256);
        AddIfOutOfRange(failures, "MaxDescriptionLength", options.MaxDescriptionLength, 100, 100_000);
        AddIfOutOfRange(failures, "SummaryInputLength", options.SummaryInputLength, options.MaxDescriptionLength, 1_000_000);
        AddIfOutOfRange(failures, "MaxSourcesPerRecord", options.MaxSourcesPerRecord, 1, 100_000);
        AddIfOutOfRange(failures, "ModalContextPages", options.ModalContextPages, 0, 100);
        AddIfOutOfRange(failures, "ModalContextTokens", options.ModalContextTokens, 0, 100_000);
        AddIfOutOfRange(failures, "OfflineDescriptionLength", options.OfflineDescriptionLength, 50, 100_000);

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void AddIfOutOfRange(List<string> failures, string name, int value, int minimum, int maximum)
    {
        if (value < minimum || value > maximum)
        {
            failures.Add($"KnowledgeGraph:{name} is {value}; it must be from {minimum} to {maximum}.");
        }
    }
}
