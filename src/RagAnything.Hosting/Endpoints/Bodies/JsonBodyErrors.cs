using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;

namespace RagAnything.Hosting.Endpoints.Bodies;

/// <summary>
/// Turns the errors System.Text.Json raises while reading a request body into messages that name the place in
/// the body, what belongs there and what to send instead.
/// </summary>
internal static partial class JsonBodyErrors
{
    /// <summary>Describes a syntax error or a value of the wrong type.</summary>
    public static string Describe(JsonException exception, JsonTypeInfo root, string endpoint, string example)
    {
        var path = exception.Path ?? "$";
        var location = FormatLocation(path, exception.LineNumber, exception.BytePositionInLine);

        // System.Text.Json wraps a reader error (malformed JSON text) in a JsonException of its own. A value that
        // parses but does not fit the target type has no such inner exception, so only then is a type looked up.
        var target = exception.InnerException is JsonException ? null : JsonPathResolver.Resolve(root, path);
        if (target is null)
        {
            return $"The request body is not valid JSON for {endpoint}: {StripLocation(exception.Message)} The error is at {location}. Send a JSON object such as {example}.";
        }

        return $"The request body is not valid JSON for {endpoint}: {Mismatch(target.Value, path, exception.LineNumber, exception.BytePositionInLine)}. Send a JSON object such as {example}.";
    }

    /// <summary>
    /// Describes the <see cref="NotSupportedException"/> that System.Text.Json raises for an item of a polymorphic
    /// type, such as a content-list item, that has no discriminator. Returns <see langword="false"/> for any other
    /// cause, which is a server fault and not the client's.
    /// </summary>
    public static bool TryDescribeMissingDiscriminator(NotSupportedException exception, JsonTypeInfo root, string endpoint, string example, out string detail)
    {
        detail = string.Empty;

        // This exception has no Path property, so the location is read from the tail that System.Text.Json appends to the message.
        var match = LocationPattern().Match(exception.Message);
        if (!match.Success)
        {
            return false;
        }

        var path = match.Groups["path"].Value;
        var target = JsonPathResolver.Resolve(root, path);
        if (target?.TypeInfo.PolymorphismOptions is not { DerivedTypes.Count: > 0 })
        {
            return false;
        }

        var line = long.Parse(match.Groups["line"].Value, CultureInfo.InvariantCulture);
        var offset = long.Parse(match.Groups["offset"].Value, CultureInfo.InvariantCulture);
        detail = $"The request body is not valid JSON for {endpoint}: {Mismatch(target.Value, path, line, offset)}. Send a JSON object such as {example}.";
        return true;
    }

    /// <summary>Describes which value has the wrong type, what it must be, and where it is.</summary>
    private static string Mismatch((JsonTypeInfo TypeInfo, string? PropertyName) target, string path, long? line, long? offset)
    {
        var expected = JsonValueDescriptions.Describe(target.TypeInfo);
        if (path == "$")
        {
            return $"the body must be {expected} ({FormatLocation(null, line, offset)})";
        }

        // An array item has no property name of its own, so the path is what identifies it.
        if (target.PropertyName is null || path.EndsWith(']'))
        {
            return $"the value at {path} must be {expected} ({FormatLocation(null, line, offset)})";
        }

        return $"property '{target.PropertyName}' must be {expected} ({FormatLocation(path, line, offset)})";
    }

    /// <summary>Formats a location with a 1-based line, because editors count lines from 1, and the byte offset within it.</summary>
    private static string FormatLocation(string? path, long? line, long? offset)
    {
        var parts = new List<string>(3);
        if (path is not null)
        {
            parts.Add($"JSON path {path}");
        }

        if (line is { } zeroBasedLine)
        {
            parts.Add($"line {zeroBasedLine + 1}");
        }

        if (offset is { } byteOffset)
        {
            parts.Add($"byte offset {byteOffset}");
        }

        return string.Join(", ", parts);
    }

    /// <summary>Removes the " Path: ... | LineNumber: ..." tail that System.Text.Json appends, because the message states the location itself.</summary>
    private static string StripLocation(string message)
    {
        var tail = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (tail < 0)
        {
            tail = message.IndexOf(" LineNumber: ", StringComparison.Ordinal);
        }

        return tail < 0 ? message : message[..tail];
    }

    [GeneratedRegex(@"Path: (?<path>\$\S*) \| LineNumber: (?<line>\d+) \| BytePositionInLine: (?<offset>\d+)\.", RegexOptions.CultureInvariant)]
    private static partial Regex LocationPattern();
}
