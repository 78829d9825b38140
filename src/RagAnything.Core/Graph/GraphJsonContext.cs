using System.Text.Json.Serialization;

namespace RagAnything.Graph;

/// <summary>
/// Source-generated JSON metadata for the knowledge-graph records kept in the key-value store.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ExtractionResult))]
internal sealed partial class GraphJsonContext : JsonSerializerContext;
