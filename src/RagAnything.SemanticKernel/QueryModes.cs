using RagAnything.Errors;
using RagAnything.Query;

namespace RagAnything.SemanticKernel;

/// <summary>
/// Reads the query mode names that a model passes to the <c>query</c> function.
/// </summary>
internal static class QueryModes
{
    public static QueryMode Parse(string? mode)
    {
        if (string.IsNullOrWhiteSpace(mode))
        {
            return QueryMode.Mix;
        }

        // Enum.TryParse also accepts numbers, which a model should not be able to pass as a mode.
        if (!int.TryParse(mode, out _) && Enum.TryParse<QueryMode>(mode.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
        {
            return parsed;
        }

        throw new RagAnythingException(ErrorCategory.Validation, $"Query mode '{mode}' is unknown. Use naive, local, global, hybrid, mix or bypass.");
    }
}
