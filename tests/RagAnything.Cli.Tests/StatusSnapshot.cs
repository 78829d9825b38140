using System.Text.Json;

namespace RagAnything.Cli.Tests;

/// <summary>
/// The parsed output of <c>rag status --json</c>.
/// </summary>
internal sealed record StatusSnapshot(IReadOnlyDictionary<string, int> Counts, long ChunkVectors, IReadOnlyList<FailedDocument> Failed)
{
    public static StatusSnapshot Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;

        var counts = root.GetProperty("counts").EnumerateObject().ToDictionary(property => property.Name, property => property.Value.GetInt32(), StringComparer.Ordinal);
        var failed = root.GetProperty("failed").EnumerateArray()
            .Select(element => new FailedDocument(
                element.GetProperty("name").GetString()!,
                element.GetProperty("stage").GetString()!,
                element.GetProperty("category").GetString()!,
                element.GetProperty("message").GetString()!))
            .ToList();

        return new StatusSnapshot(counts, root.GetProperty("chunkVectors").GetInt64(), failed);
    }
}

/// <summary>
/// One failed document as <c>rag status --json</c> prints it.
/// </summary>
internal sealed record FailedDocument(string Name, string Stage, string Category, string Message);
