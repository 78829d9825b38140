using Microsoft.Extensions.Options;

namespace RagAnything.DependencyInjection;

/// <summary>
/// Checks every setting of <see cref="RagAnythingOptions"/> and reports all invalid ones at once, each with its value.
/// </summary>
internal sealed class RagAnythingOptionsValidator : IValidateOptions<RagAnythingOptions>
{
    public ValidateOptionsResult Validate(string? name, RagAnythingOptions options)
    {
        var failures = new List<string>();

        var chunking = options.Chunking;
        if (chunking.MaxTokens < 16)
        {
            failures.Add($"Chunking:MaxTokens is {chunking.MaxTokens}; it must be at least 16.");
        }

        if (chunking.OverlapTokens < 0 || chunking.OverlapTokens >= chunking.MaxTokens)
        {
            failures.Add($"Chunking:OverlapTokens is {chunking.OverlapTokens}; it must be from 0 to less than Chunking:MaxTokens ({chunking.MaxTokens}).");
        }

        var ingestion = options.Ingestion;
        if (ingestion.MaxConcurrentDocuments < 1)
        {
            failures.Add($"Ingestion:MaxConcurrentDocuments is {ingestion.MaxConcurrentDocuments}; it must be at least 1.");
        }

        if (ingestion.MaxDocumentBytes < 1)
        {
            failures.Add($"Ingestion:MaxDocumentBytes is {ingestion.MaxDocumentBytes}; it must be positive.");
        }

        if (ingestion.DocumentTimeout <= TimeSpan.Zero)
        {
            failures.Add($"Ingestion:DocumentTimeout is {ingestion.DocumentTimeout}; it must be positive.");
        }

        foreach (var (setting, value) in new[]
        {
            ("Ingestion:StageCapacity", ingestion.StageCapacity),
            ("Ingestion:CpuStageWorkers", ingestion.CpuStageWorkers),
            ("Ingestion:EmbedStageWorkers", ingestion.EmbedStageWorkers),
            ("Ingestion:IndexStageWorkers", ingestion.IndexStageWorkers),
            ("Ingestion:GraphStageWorkers", ingestion.GraphStageWorkers),
            ("Ingestion:EmbeddingBatchSize", ingestion.EmbeddingBatchSize),
            ("Ingestion:EmbeddingConcurrency", ingestion.EmbeddingConcurrency),
            ("Ingestion:StatusFlushCount", ingestion.StatusFlushCount),
        })
        {
            if (value < 1)
            {
                failures.Add($"{setting} is {value}; it must be at least 1.");
            }
        }

        if (ingestion.EmbeddingBatchDelay < TimeSpan.Zero)
        {
            failures.Add($"Ingestion:EmbeddingBatchDelay is {ingestion.EmbeddingBatchDelay}; it must not be negative.");
        }

        if (ingestion.StatusFlushInterval <= TimeSpan.Zero)
        {
            failures.Add($"Ingestion:StatusFlushInterval is {ingestion.StatusFlushInterval}; it must be positive.");
        }

        var query = options.Query;
        if (query.TopK < 1 || query.TopK > query.MaxTopK)
        {
            failures.Add($"Query:TopK is {query.TopK}; it must be from 1 to Query:MaxTopK ({query.MaxTopK}).");
        }

        if (query.RrfConstant < 1)
        {
            failures.Add($"Query:RrfConstant is {query.RrfConstant}; it must be at least 1.");
        }

        if (query.CandidateMultiplier < 1)
        {
            failures.Add($"Query:CandidateMultiplier is {query.CandidateMultiplier}; it must be at least 1.");
        }

        if (query.ExtractiveSentences < 1)
        {
            failures.Add($"Query:ExtractiveSentences is {query.ExtractiveSentences}; it must be at least 1.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
