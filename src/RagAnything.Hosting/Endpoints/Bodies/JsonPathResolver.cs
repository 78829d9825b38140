using System.Text.Json.Serialization.Metadata;

namespace RagAnything.Hosting.Endpoints.Bodies;

/// <summary>
/// Finds the type that belongs at a JSON path such as <c>$.history[0].role</c>, by walking the serializer's
/// metadata for the body type.
/// </summary>
internal static class JsonPathResolver
{
    /// <summary>
    /// Returns the metadata of the value at <paramref name="path"/> and the name of the property that contains it,
    /// or <see langword="null"/> when the path leaves the known shape, such as an unknown property.
    /// </summary>
    public static (JsonTypeInfo TypeInfo, string? PropertyName)? Resolve(JsonTypeInfo root, string path)
    {
        if (!path.StartsWith('$'))
        {
            return null;
        }

        var current = root;
        string? propertyName = null;
        var position = 1;
        while (position < path.Length)
        {
            JsonTypeInfo? next;
            if (path[position] == '.')
            {
                var end = IndexOfAny(path, position + 1, '.', '[');
                propertyName = path[(position + 1)..end];
                next = PropertyType(current, propertyName);
                position = end;
            }
            else if (path.AsSpan(position).StartsWith("['"))
            {
                // System.Text.Json brackets property names that contain dots or other special characters.
                var end = path.IndexOf("']", position + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    return null;
                }

                propertyName = path[(position + 2)..end];
                next = PropertyType(current, propertyName);
                position = end + 2;
            }
            else if (path[position] == '[')
            {
                var end = path.IndexOf(']', position);
                if (end < 0)
                {
                    return null;
                }

                next = ElementType(current);
                position = end + 1;
            }
            else
            {
                return null;
            }

            if (next is null)
            {
                return null;
            }

            current = next;
        }

        return (current, propertyName);
    }

    private static JsonTypeInfo? PropertyType(JsonTypeInfo owner, string name)
    {
        if (owner.Kind == JsonTypeInfoKind.Dictionary)
        {
            return ElementType(owner);
        }

        if (owner.Kind != JsonTypeInfoKind.Object)
        {
            return null;
        }

        var comparison = owner.Options.PropertyNameCaseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var property = owner.Properties.FirstOrDefault(candidate => string.Equals(candidate.Name, name, comparison));

        // A polymorphic base type lists only its own properties, so a property of a derived type is looked up there.
        property ??= owner.PolymorphismOptions?.DerivedTypes
            .Select(derived => owner.Options.GetTypeInfo(derived.DerivedType))
            .SelectMany(derived => derived.Properties)
            .FirstOrDefault(candidate => string.Equals(candidate.Name, name, comparison));

        return property is null ? null : owner.Options.GetTypeInfo(property.PropertyType);
    }

    private static JsonTypeInfo? ElementType(JsonTypeInfo owner) =>
        owner.Kind is JsonTypeInfoKind.Enumerable or JsonTypeInfoKind.Dictionary && owner.ElementType is { } element
            ? owner.Options.GetTypeInfo(element)
            : null;

    private static int IndexOfAny(string text, int start, char first, char second)
    {
        var index = text.IndexOfAny([first, second], start);
        return index < 0 ? text.Length : index;
    }
}
