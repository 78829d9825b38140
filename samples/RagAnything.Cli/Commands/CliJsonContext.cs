using System.Text.Json.Serialization;

namespace RagAnything.Cli.Commands;

/// <summary>
/// Source-generated JSON metadata for the tool's output records.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(QueryOutput))]
[JsonSerializable(typeof(StatusOutput))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
