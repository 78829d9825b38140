using System.Collections;
using System.Text.Json.Serialization.Metadata;

namespace RagAnything.Hosting.Endpoints.Bodies;

/// <summary>
/// Finds null elements in the list properties of a request body. The serializer accepts <c>[null]</c> for a list of
/// strings or objects, but no endpoint can use such an element, and without this check it fails later with a 500.
/// </summary>
internal static class JsonNullElements
{
    /// <summary>Returns the JSON path of the first null element in a list property of <paramref name="body"/>, or <see langword="null"/> when there is none.</summary>
    /// <remarks>Only the body's own list properties are checked, which covers every list that the request bodies have.</remarks>
    public static string? FindFirst(object body, JsonTypeInfo typeInfo)
    {
        foreach (var property in typeInfo.Properties)
        {
            if (property.Get is null || typeInfo.Options.GetTypeInfo(property.PropertyType).Kind != JsonTypeInfoKind.Enumerable)
            {
                continue;
            }

            if (property.Get(body) is not IEnumerable values)
            {
                continue;
            }

            var index = 0;
            foreach (var value in values)
            {
                if (value is null)
                {
                    return $"$.{property.Name}[{index}]";
                }

                index++;
            }
        }

        return null;
    }
}
