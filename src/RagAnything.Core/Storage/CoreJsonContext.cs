using System.Text.Json.Serialization;
using RagAnything.Chunking;
using RagAnything.Content;

namespace RagAnything.Storage;

/// <summary>
/// Source-generated JSON metadata for the records the core stores, so serialization needs no reflection.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(Chunk))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(ParsedDocument))]
[JsonSerializable(typeof(List<ContentItem>))]
internal sealed partial class CoreJsonContext : JsonSerializerContext;
