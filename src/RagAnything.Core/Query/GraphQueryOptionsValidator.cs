using Microsoft.Extensions.Options;

namespace RagAnything.Query;

/// <summary>
/// Checks the graph query settings of <see cref="QueryOptions"/> and reports all invalid ones at once, each with its value.
/// </summary>
internal sealed class GraphQueryOptionsValidator : IValidateOptions<RagAnythingOptions>
{
    public ValidateOptionsResult Validate(string? name, RagAnythingOptions options)
    {
        var query = options.Query;
        var failures = new List<string>();

        if (query.GraphTopK < 1 || query.GraphTopK > query.MaxTopK * 10)
        {
            failures.Add($"Query:GraphTopK is {query.GraphTopK}; it must be from 1 to ten times Query:MaxTopK ({query.MaxTopK * 10}).");
        }

        if (query.MaxEntityTokens < 0 || query.MaxRelationTokens < 0)
        {
            failures.Add($"Query:MaxEntityTokens is {query.MaxEntityTokens} and Query:MaxRelationTokens is {query.MaxRelationTokens}; neither may be negative.");
        }

        if (query.MaxContextTokens < 1)
        {
            failures.Add($"Query:MaxContextTokens is {query.MaxContextTokens}; it must be at least 1.");
        }

        if (!double.IsFinite(query.MinGraphScore) || query.MinGraphScore < -1 || query.MinGraphScore > 1)
        {
            failures.Add($"Query:MinGraphScore is {query.MinGraphScore}; it must be a cosine similarity from -1 to 1.");
        }

        if (!Enum.IsDefined(query.ChunkSelection))
        {
            failures.Add($"Query:ChunkSelection is {(int)query.ChunkSelection}; it must be VectorSimilarity or GraphWeight.");
        }

        if (!double.IsFinite(query.MixGraphWeight) || query.MixGraphWeight < 0)
        {
            failures.Add($"Query:MixGraphWeight is {query.MixGraphWeight}; it must be a finite number of 0 or more.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
