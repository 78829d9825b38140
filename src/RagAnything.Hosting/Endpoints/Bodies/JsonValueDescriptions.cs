using System.Text.Json.Serialization.Metadata;

namespace RagAnything.Hosting.Endpoints.Bodies;

/// <summary>
/// Names the JSON value that a .NET type reads from, in the words of the JSON specification: a string, a number,
/// an array, an object.
/// </summary>
internal static class JsonValueDescriptions
{
    /// <summary>Returns a phrase such as "an integer" or "an array of strings".</summary>
    public static string Describe(JsonTypeInfo typeInfo)
    {
        if (typeInfo.PolymorphismOptions is { DerivedTypes.Count: > 0 } polymorphism)
        {
            var names = polymorphism.DerivedTypes.Select(derived => derived.TypeDiscriminator).OfType<string>();
            return $"an object whose '{polymorphism.TypeDiscriminatorPropertyName}' is one of: {string.Join(", ", names)}";
        }

        return typeInfo.Kind switch
        {
            JsonTypeInfoKind.Enumerable when typeInfo.ElementType is { } element => $"an array of {Plural(typeInfo.Options.GetTypeInfo(element))}",
            JsonTypeInfoKind.Enumerable => "an array",
            JsonTypeInfoKind.Object or JsonTypeInfoKind.Dictionary => "an object",
            _ => Scalar(typeInfo.Type, plural: false),
        };
    }

    private static string Plural(JsonTypeInfo typeInfo) => typeInfo.Kind switch
    {
        JsonTypeInfoKind.Enumerable => "arrays",
        JsonTypeInfoKind.Object or JsonTypeInfoKind.Dictionary => "objects",
        _ => Scalar(typeInfo.Type, plural: true),
    };

    private static string Scalar(Type type, bool plural)
    {
        // An enum reports the type code of its underlying integer, which matches the serializer's default of
        // reading enums as numbers.
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        var singular = Type.GetTypeCode(underlying) switch
        {
            TypeCode.String or TypeCode.Char => "a string",
            TypeCode.Boolean => "true or false",
            TypeCode.Byte or TypeCode.SByte or TypeCode.Int16 or TypeCode.UInt16 or TypeCode.Int32 or TypeCode.UInt32 or TypeCode.Int64 or TypeCode.UInt64 => "an integer",
            TypeCode.Single or TypeCode.Double or TypeCode.Decimal => "a number",
            TypeCode.DateTime => "a date and time string in ISO 8601 format",
            _ when underlying == typeof(DateTimeOffset) => "a date and time string in ISO 8601 format",
            _ => $"a {underlying.Name} value",
        };

        if (!plural)
        {
            return singular;
        }

        return singular switch
        {
            "a string" => "strings",
            "true or false" => "true or false values",
            "an integer" => "integers",
            "a number" => "numbers",
            _ => $"values of type {underlying.Name}",
        };
    }
}
